using PolarBilling.Store;

namespace PolarBilling.Usage.Periods;

/// <summary>
/// Pure period and window arithmetic. The period is the subscription's current one (rolled forward with its interval
/// when the clock has passed its end before the projection caught up), else the calendar month UTC. Usage recorded
/// within the lead before a period ends counts toward the next one, since Polar bills an event in the period in which
/// it receives it and the ending period's usage is sent at its sync point.
/// </summary>
internal static class UsagePeriods
{
    /// <summary>The period containing <paramref name="now"/>.</summary>
    public static BillingPeriod Current(BillingSubscription? subscription, DateTimeOffset now)
    {
        if (subscription is { CurrentPeriodStart: { } start, CurrentPeriodEnd: { } end } && end > start)
        {
            var period = new BillingPeriod(start, end);
            // A period never runs backwards, so give up rolling after a sane number of steps (a stale row).
            for (var steps = 0; now >= period.End && steps < 1000; steps++)
            {
                period = Next(period, subscription);
            }

            return period;
        }

        var month = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new BillingPeriod(month, month.AddMonths(1));
    }

    /// <summary>The period after <paramref name="period"/>: the subscription's interval, or the next calendar month.</summary>
    public static BillingPeriod Next(BillingPeriod period, BillingSubscription? subscription)
    {
        if (subscription is not { CurrentPeriodStart: not null, CurrentPeriodEnd: not null })
        {
            return new BillingPeriod(period.End, period.End.AddMonths(1));
        }

        var count = Math.Max(1, subscription.RecurringIntervalCount);
        var end = subscription.RecurringInterval switch
        {
            "day" => period.End.AddDays(count),
            "week" => period.End.AddDays(7 * count),
            "year" => period.End.AddYears(count),
            _ => period.End.AddMonths(count),
        };
        return new BillingPeriod(period.End, end);
    }

    /// <summary>The period that usage recorded at <paramref name="now"/> counts toward (the next one inside the lead).</summary>
    public static BillingPeriod ForRecording(BillingSubscription? subscription, DateTimeOffset now, TimeSpan lead)
    {
        var period = Current(subscription, now);
        return now >= period.SyncPoint(lead) ? Next(period, subscription) : period;
    }

    /// <summary>
    /// The window of <paramref name="period"/> for usage recorded at <paramref name="now"/>: the
    /// <paramref name="windowLength"/>-aligned UTC slot clipped to the period (its first window when the period has not
    /// started yet, i.e. inside the previous period's lead).
    /// </summary>
    public static UsageSlot Window(BillingPeriod period, DateTimeOffset now, TimeSpan windowLength)
    {
        var at = now < period.Start ? period.Start : now;
        var ticks = at.UtcTicks - (at.UtcTicks % windowLength.Ticks);
        var aligned = new DateTimeOffset(ticks, TimeSpan.Zero);
        var start = aligned < period.Start ? period.Start : aligned;
        var end = aligned + windowLength > period.End ? period.End : aligned + windowLength;
        return new UsageSlot(start.ToUniversalTime(), end.ToUniversalTime(), period);
    }
}
