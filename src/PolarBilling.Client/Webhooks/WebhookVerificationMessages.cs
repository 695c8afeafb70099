using System.Globalization;
using System.Text;

namespace PolarBilling.Client.Webhooks;

/// <summary>The sentences behind <see cref="WebhookVerificationResult.Message"/>. None of them ever includes the secret.</summary>
internal static class WebhookVerificationMessages
{
    private const int MaxEchoedLength = 40;

    public static string Valid(WebhookKeyScheme scheme) =>
        $"The webhook signature is valid (matched with the {Describe(scheme)}).";

    public static string EmptySecret() =>
        "The webhook secret is empty. Set it to the secret Polar shows for this webhook endpoint "
        + "(it starts with 'whsec_'); the sandbox and production endpoints have different secrets.";

    public static string MissingHeaders(IReadOnlyList<string> names) =>
        $"The {string.Join(" and ", names)} header{(names.Count == 1 ? " is" : "s are")} missing or empty. "
            + "Polar sends webhook-id, webhook-timestamp and webhook-signature with every delivery: pass the request's "
            + "headers through unchanged (check proxies and header-forwarding rules) and read them from the original request.";

    public static string MalformedTimestamp(string value) =>
        $"The webhook-timestamp header '{Echo(value)}' is not a whole number of Unix seconds (for example 1760000000). "
        + "Pass the header exactly as received.";

    public static string TooOld(long timestamp, long ageSeconds, long toleranceSeconds) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"The webhook-timestamp {timestamp} is {ageSeconds} seconds old, more than the tolerance of {toleranceSeconds} seconds. ")
            + "This is a replayed or long-delayed delivery, or this server's clock is ahead: check the clock (NTP). "
            + "Polar re-signs every retry with a fresh timestamp, so a genuine retry is never rejected for this.";

    public static string TooNew(long timestamp, long aheadSeconds, long toleranceSeconds) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"The webhook-timestamp {timestamp} is {aheadSeconds} seconds in the future, more than the tolerance of {toleranceSeconds} seconds. ")
            + "This server's clock is most likely behind: check the clock (NTP).";

    public static string NoMatchingSignature(int version1Entries, bool triedStandardKey)
    {
        var found = version1Entries == 0
            ? "The webhook-signature header has no 'v1,<base64>' entry, so there was nothing to compare."
            : string.Create(
                CultureInfo.InvariantCulture,
                $"None of the {version1Entries} v1 signature{(version1Entries == 1 ? "" : "s")} in webhook-signature matches the body.");
        var tried = triedStandardKey
            ? "Both key schemes were tried: the legacy key (the UTF-8 bytes of the whole 'whsec_...' secret) and the "
              + "Standard Webhooks key (the base64-decoded text after 'whsec_')."
            : "Only the legacy key (the UTF-8 bytes of the whole secret) was tried: the text after 'whsec_' is not "
              + "base64, so the secret has no Standard Webhooks key.";
        return $"{found} {tried} The usual causes: the body was parsed and re-serialized, or altered by middleware, "
            + "before verifying (verify the raw request bytes exactly as received), or the secret belongs to another "
            + "endpoint or environment (sandbox vs production), or was rotated.";
    }

    private static string Describe(WebhookKeyScheme scheme) => scheme == WebhookKeyScheme.Legacy
        ? "legacy key: UTF-8 bytes of the whole secret"
        : "Standard Webhooks key: base64-decoded secret";

    // Header values come from the sender: echo a short, printable prefix only, so messages stay safe to log.
    private static string Echo(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxEchoedLength) + 3);
        foreach (var character in value.AsSpan(0, Math.Min(value.Length, MaxEchoedLength)))
        {
            builder.Append(char.IsControl(character) ? '?' : character);
        }

        return value.Length > MaxEchoedLength ? builder.Append("...").ToString() : builder.ToString();
    }
}
