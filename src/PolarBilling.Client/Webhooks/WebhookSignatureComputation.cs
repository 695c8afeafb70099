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
        // The timestamp is signed in its canonical integer form, as every reference library does.
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{timestamp}."));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    /// <summary>The <c>webhook-signature</c> header value for one key: <c>v1,&lt;base64&gt;</c>.</summary>
    public static string HeaderValue(byte[] key, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> signature = stackalloc byte[Length];
        Compute(key, webhookId, timestamp, body, signature);
        return "v1," + Convert.ToBase64String(signature);
    }
}
