using System.Security.Cryptography;

namespace PolarBilling.Client.Webhooks;

/// <summary>Finds a <c>v1</c> entry of a <c>webhook-signature</c> header that equals an expected HMAC.</summary>
internal static class WebhookSignatureMatcher
{
    private const string Version1 = "v1,";

    /// <summary>
    /// Compares every space-separated <c>v1,&lt;base64&gt;</c> entry, in constant time, with the HMAC of each key;
    /// other versions and undecodable entries never match. Returns the scheme that matched, if any.
    /// </summary>
    /// <param name="header">The <c>webhook-signature</c> header value.</param>
    /// <param name="legacy">The HMAC under the legacy key.</param>
    /// <param name="standard">The HMAC under the Standard Webhooks key, or empty when the secret has none.</param>
    /// <param name="version1Entries">How many <c>v1</c> entries the header held.</param>
    public static WebhookKeyScheme? FindMatch(
        string header,
        ReadOnlySpan<byte> legacy,
        ReadOnlySpan<byte> standard,
        out int version1Entries)
    {
        version1Entries = 0;
        WebhookKeyScheme? match = null;
        Span<byte> candidate = stackalloc byte[WebhookSignatureComputation.Length];
        var value = header.AsSpan();
        foreach (var range in value.Split(' '))
        {
            var entry = value[range].Trim();
            if (!entry.StartsWith(Version1, StringComparison.Ordinal))
            {
                continue;
            }

            version1Entries++;
            if (!Convert.TryFromBase64Chars(entry[Version1.Length..], candidate, out var written)
                || written != WebhookSignatureComputation.Length)
            {
                continue;
            }

            // Every entry is compared with both keys, so timing says nothing about which one (if any) matched.
            var legacyMatches = CryptographicOperations.FixedTimeEquals(candidate, legacy);
            var standardMatches = !standard.IsEmpty && CryptographicOperations.FixedTimeEquals(candidate, standard);
            match ??= legacyMatches ? WebhookKeyScheme.Legacy : standardMatches ? WebhookKeyScheme.Standard : null;
        }

        return match;
    }
}
