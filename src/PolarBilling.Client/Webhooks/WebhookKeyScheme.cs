namespace PolarBilling.Client.Webhooks;

/// <summary>
/// The two ways Polar turns a <c>whsec_…</c> secret into an HMAC key. A receiver cannot tell which one a secret
/// uses, so <see cref="WebhookVerifier"/> tries both.
/// </summary>
public enum WebhookKeyScheme
{
    /// <summary>
    /// Secrets created before 2026-09-08: the key is the UTF-8 bytes of the whole secret string as shown,
    /// <c>whsec_</c> prefix included.
    /// </summary>
    Legacy,

    /// <summary>
    /// Secrets created on or after 2026-09-08, and plain Standard Webhooks: the key is the base64 decoding of the
    /// text after <c>whsec_</c> (or of the whole secret when it has no prefix), missing <c>=</c> padding allowed.
    /// </summary>
    Standard,
}
