using System.Globalization;
using System.Security.Cryptography;

namespace PolarBilling.Client.Webhooks;

/// <summary>
/// Signs webhook deliveries the way Polar does, with either key scheme: for the emulator, for tests and for
/// replaying stored events. Thread-safe.
/// </summary>
public sealed class WebhookSigner
{
    private const int SecretBytes = 32;
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a signer for one secret.</summary>
    /// <param name="secret">The secret (<c>whsec_…</c> or bare base64).</param>
    /// <param name="keyScheme">How the secret becomes the HMAC key; see <see cref="WebhookKeyScheme"/>.</param>
    /// <param name="timeProvider">The clock for <see cref="Sign(string, ReadOnlySpan{byte})"/>; defaults to <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The secret is empty, or <paramref name="keyScheme"/> is <see cref="WebhookKeyScheme.Standard"/> and the text after
    /// <c>whsec_</c> is not base64.
    /// </exception>
    public WebhookSigner(string secret, WebhookKeyScheme keyScheme, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (WebhookSecret.IsEmpty(secret))
        {
            throw new ArgumentException("The webhook secret is empty; use the endpoint's 'whsec_...' secret or GenerateSecret().", nameof(secret));
        }

        _key = WebhookSecret.KeyFor(secret, keyScheme) ?? throw new ArgumentException(
            "The secret is not base64 after 'whsec_', so it has no Standard Webhooks key. Sign with "
            + "WebhookKeyScheme.Legacy, or create a Standard secret with WebhookSigner.GenerateSecret().",
            nameof(secret));
        KeyScheme = keyScheme;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The key scheme this signer uses.</summary>
    public WebhookKeyScheme KeyScheme { get; }

    /// <summary>
    /// Creates a new secret the way Polar does: <c>whsec_</c> followed by 32 random bytes as 43 unpadded base64
    /// characters. Valid for both key schemes.
    /// </summary>
    public static string GenerateSecret() =>
        WebhookSecret.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=');

    /// <summary>Signs a delivery at the current time of the signer's clock.</summary>
    /// <param name="webhookId">The <c>webhook-id</c>, such as the event's UUID.</param>
    /// <param name="body">The exact body bytes that will be sent.</param>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is null or empty.</exception>
    public SignedWebhookHeaders Sign(string webhookId, ReadOnlySpan<byte> body) =>
        Sign(webhookId, _timeProvider.GetUtcNow().ToUnixTimeSeconds(), body);

    /// <summary>Signs a delivery at a given time.</summary>
    /// <param name="webhookId">The <c>webhook-id</c>, such as the event's UUID.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>: whole Unix seconds, not negative.</param>
    /// <param name="body">The exact body bytes that will be sent.</param>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is negative.</exception>
    public SignedWebhookHeaders Sign(string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        var signature = WebhookSignatureComputation.HeaderValue(_key, webhookId, timestamp, body);
        return new SignedWebhookHeaders(webhookId, timestamp.ToString(CultureInfo.InvariantCulture), signature);
    }

    /// <summary>Signs a delivery at a timestamp given as header text, which must be whole, non-negative Unix seconds.</summary>
    /// <param name="webhookId">The <c>webhook-id</c>, such as the event's UUID.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> text, such as <c>1760000000</c>.</param>
    /// <param name="body">The exact body bytes that will be sent.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="webhookId"/> is null or empty, or <paramref name="timestamp"/> is not whole, non-negative Unix
    /// seconds (a fraction, a sign or text).
    /// </exception>
    public SignedWebhookHeaders Sign(string webhookId, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new ArgumentException(
                "The webhook timestamp must be whole, non-negative Unix seconds written with digits only, such as 1760000000.",
                nameof(timestamp));
        }

        return Sign(webhookId, seconds, body);
    }
}
