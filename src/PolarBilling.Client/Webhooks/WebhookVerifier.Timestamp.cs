using System.Globalization;

namespace PolarBilling.Client.Webhooks;

public sealed partial class WebhookVerifier
{
    private WebhookVerificationResult? CheckTolerance(string webhookId, long timestamp, DateTimeOffset signedAt)
    {
        if (Tolerance == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        var tolerance = (long)Tolerance.TotalSeconds;
        var age = _timeProvider.GetUtcNow().ToUnixTimeSeconds() - timestamp;
        return age > tolerance
            ? WebhookVerificationResult.Invalid(
                WebhookVerificationFailure.TimestampTooOld, WebhookVerificationMessages.TooOld(timestamp, age, tolerance), webhookId, signedAt)
            : -age > tolerance
                ? WebhookVerificationResult.Invalid(
                    WebhookVerificationFailure.TimestampTooNew, WebhookVerificationMessages.TooNew(timestamp, -age, tolerance), webhookId, signedAt)
                : null;
    }

    private static bool TryParseTimestamp(string value, out long timestamp, out DateTimeOffset signedAt)
    {
        signedAt = default;
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out timestamp)
            || timestamp < DateTimeOffset.MinValue.ToUnixTimeSeconds()
            || timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        signedAt = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return true;
    }
}
