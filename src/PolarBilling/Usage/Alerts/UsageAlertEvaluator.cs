using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Notifications;

namespace PolarBilling.Usage.Alerts;

/// <summary>
/// Fires usage alerts: for each meter of the user's plan with included units, every configured threshold the period's
/// usage has reached is recorded once (<see cref="IUsageStore.TryRecordAlertAsync"/>) with its app notification, which
/// the notification dispatcher delivers to the app's handlers (email, webhook).
/// </summary>
internal sealed partial class UsageAlertEvaluator(
    IUsageStore store, IOptions<PolarBillingOptions> options, TimeProvider time, ILogger<UsageAlertEvaluator> logger)
{
    // The highest threshold known to have fired per (user, meter, period), so a flush re-reads sums only while a
    // threshold is still ahead. The store's key is what makes each alert fire once; this only saves reads.
    private readonly ConcurrentDictionary<(string UserId, string Meter, DateTimeOffset PeriodStart), int> _fired = new();

    public async Task EvaluateAsync(IEnumerable<UsageAlertCandidate> candidates, CancellationToken cancellationToken)
    {
        var thresholds = options.Value.Usage.EffectiveAlertThresholds;
        if (thresholds.Count == 0)
        {
            return;
        }

        if (_fired.Count > 100_000)
        {
            _fired.Clear();
        }

        var watched = candidates
            .Where(c => c.Terms.Plan.Meters.TryGetValue(c.Meter, out var component) && component.Included > 0
                && _fired.GetValueOrDefault((c.UserId, c.Meter, c.Period.Start), int.MinValue) < thresholds[^1])
            .GroupBy(c => (c.UserId, c.Period.Start));
        foreach (var group in watched)
        {
            var used = await store.SumByMeterAsync(group.Key.UserId, group.Key.Start, cancellationToken).ConfigureAwait(false);
            foreach (var candidate in group)
            {
                await FireReachedAsync(candidate, used.GetValueOrDefault(candidate.Meter), thresholds, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task FireReachedAsync(UsageAlertCandidate candidate, long used, IReadOnlyList<int> thresholds, CancellationToken cancellationToken)
    {
        var included = candidate.Terms.Plan.Meters[candidate.Meter].Included;
        var key = (candidate.UserId, candidate.Meter, candidate.Period.Start);
        var highest = _fired.GetValueOrDefault(key, int.MinValue);
        foreach (var threshold in thresholds)
        {
            if (threshold <= highest || (decimal)used * 100 < (decimal)included * threshold)
            {
                continue;
            }

            var now = time.GetUtcNow();
            var alert = new UsageAlert
            {
                UserId = candidate.UserId, Meter = candidate.Meter, PeriodStart = candidate.Period.Start,
                Threshold = threshold, Quantity = used, Included = included, FiredAt = now,
            };
            if (await store.TryRecordAlertAsync(alert, Notification(candidate, alert, now), cancellationToken).ConfigureAwait(false))
            {
                LogAlertFired(candidate.UserId, candidate.Meter, threshold, used, included);
            }

            highest = threshold;
        }

        _fired[key] = highest;
    }

    private static BillingNotification Notification(UsageAlertCandidate candidate, UsageAlert alert, DateTimeOffset now) => new()
    {
        Key = $"usage_threshold:{alert.UserId}:{alert.Meter}:{alert.PeriodStart:O}:{alert.Threshold}",
        Kind = BillingNotificationKind.UsageThresholdReached,
        SourceEventId = string.Empty,
        CustomerId = candidate.Terms.CustomerId ?? string.Empty,
        UserId = alert.UserId,
        SubjectId = alert.Meter,
        ProductId = candidate.Terms.Subscription?.ProductId,
        Meter = alert.Meter,
        Threshold = alert.Threshold,
        Quantity = alert.Quantity,
        Included = alert.Included,
        OccurredAt = now,
        CreatedAt = now,
        NextAttemptAt = now,
        Status = BillingNotificationStatus.Pending,
    };

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Usage alert: user {UserId} reached {Threshold} % of meter {Meter} ({Used} of {Included} included units).")]
    private partial void LogAlertFired(string userId, string meter, int threshold, long used, long included);
}
