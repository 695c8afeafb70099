using System.Globalization;
using PolarBilling.Notifications;
using PolarBilling.Usage.Reports;

namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>What a <see cref="BillingNotificationKind.UsageThresholdReached"/> notification says, with its billing period and the meter's display name.</summary>
internal sealed record UsageAlertFacts(
    string UserId, string Meter, string MeterName, string Unit, int Threshold, long Used, long Included,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset OccurredAt)
{
    private const string KeyPrefix = "usage_threshold:";

    /// <summary>The facts, or <see langword="null"/> for another kind of notification or one missing its usage fields.</summary>
    public static async Task<UsageAlertFacts?> ReadAsync(BillingNotification notification, UsageReports reports, CancellationToken cancellationToken)
    {
        if (notification is not { Kind: BillingNotificationKind.UsageThresholdReached, UserId: { } userId, Meter: { } meter, Threshold: { } threshold })
        {
            return null;
        }

        // The key carries the period start (usage_threshold:{user}:{meter}:{periodStart:O}:{threshold}); usage in the
        // last minutes of a period counts toward the next one, so the time the alert fired is only the fallback.
        var at = PeriodStartIn(notification.Key, userId, meter, threshold) ?? notification.OccurredAt;
        var (start, end) = await reports.FindPeriodAsync(userId, at, cancellationToken);
        var (name, unit) = await reports.DescribeMeterAsync(userId, meter, cancellationToken);
        return new UsageAlertFacts(userId, meter, name, unit, threshold, notification.Quantity ?? 0, notification.Included ?? 0, start, end, notification.OccurredAt);
    }

    private static DateTimeOffset? PeriodStartIn(string key, string userId, string meter, int threshold)
    {
        var head = $"{KeyPrefix}{userId}:{meter}:";
        var tail = string.Create(CultureInfo.InvariantCulture, $":{threshold}");
        if (!key.StartsWith(head, StringComparison.Ordinal) || !key.EndsWith(tail, StringComparison.Ordinal) || key.Length <= head.Length + tail.Length)
        {
            return null;
        }

        var text = key[head.Length..^tail.Length];
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var start) ? start : null;
    }
}
