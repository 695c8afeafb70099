using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolarBilling.Client.Webhooks;

/// <summary>The Standard Webhooks HMAC: SHA-256 over <c>{id}.{timestamp}.{raw body}</c>.</summary>
internal static class WebhookSignatureComputation
{
    /// <summary>Length of an HMAC-SHA256 in bytes.</summary>
    public const int Length = HMACSHA256.HashSizeInBytes;

    /// <summary>Writes the HMAC for one key into <paramref name="destination"/> (at least <see cref="Length"/> bytes).</summary>
    public static void Compute(byte[] key, string webhookId, long timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        // One contiguous, pooled "{id}.{timestamp}.{body}" and a one-shot HMAC: a sender signs and a receiver checks
        // every delivery (twice, once per key scheme), and an IncrementalHash per call allocated a native HMAC context
        // and its handle each time. The timestamp is signed in its canonical integer form, as every reference library does.
        var length = Encoding.UTF8.GetMaxByteCount(webhookId.Length) + 22 + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(webhookId, rented);
            rented[written++] = (byte)'.';
            timestamp.TryFormat(rented.AsSpan(written), out var digits, provider: CultureInfo.InvariantCulture);
            written += digits;
            rented[written++] = (byte)'.';
            body.CopyTo(rented.AsSpan(written));
            HMACSHA256.HashData(key, rented.AsSpan(0, written + body.Length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The <c>webhook-signature</c> header value for one key: <c>v1,&lt;base64&gt;</c>.</summary>
    public static string HeaderValue(byte[] key, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> signature = stackalloc byte[Length];
        Compute(key, webhookId, timestamp, body, signature);
        return "v1," + Convert.ToBase64String(signature);
    }
}
