using System.Text;

namespace PolarBilling.Client.Webhooks;

/// <summary>Turns a Polar webhook secret into the HMAC keys of <see cref="WebhookKeyScheme"/>.</summary>
internal static class WebhookSecret
{
    /// <summary>The prefix Polar and Standard Webhooks put in front of secrets.</summary>
    public const string Prefix = "whsec_";

    /// <summary>
    /// Whether the secret carries no key material: empty, blank, or only the prefix. Such a secret is always a
    /// configuration mistake, even though its legacy key would be non-empty bytes.
    /// </summary>
    public static bool IsEmpty(string secret) => string.IsNullOrWhiteSpace(WithoutPrefix(secret));

    /// <summary>The legacy key: the UTF-8 bytes of the whole secret as given, prefix included.</summary>
    public static byte[] LegacyKey(string secret) => Encoding.UTF8.GetBytes(secret);

    /// <summary>
    /// The Standard Webhooks key: base64 of the text after the prefix (or of the whole secret), with missing
    /// <c>=</c> padding added. <see langword="false"/> when that text is not base64, so only the legacy key applies.
    /// </summary>
    public static bool TryGetStandardKey(string secret, out byte[] key)
    {
        key = [];
        var encoded = WithoutPrefix(secret);
        if (encoded.Length == 0 || encoded.Length % 4 == 1)
        {
            return false;
        }

        var padded = encoded.Length % 4 == 0 ? encoded : encoded + new string('=', 4 - (encoded.Length % 4));
        var buffer = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, buffer, out var written) || written == 0)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    /// <summary>The key for one scheme, or <see langword="null"/> when the secret has no key in that scheme.</summary>
    public static byte[]? KeyFor(string secret, WebhookKeyScheme scheme) => scheme switch
    {
        WebhookKeyScheme.Legacy => LegacyKey(secret),
        WebhookKeyScheme.Standard => TryGetStandardKey(secret, out var key) ? key : null,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown webhook key scheme."),
    };

    private static string WithoutPrefix(string secret) =>
        secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
}
