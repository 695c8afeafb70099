using PolarBilling.Store;

namespace PolarBilling.Usage.Reports;

/// <summary>
/// The billing period a report covers: the running subscription's current period (rolled forward with its interval
/// when the clock has passed its end before the projection caught up), else the calendar month UTC.
/// </summary>
internal static class UsagePeriod
{
    public static (DateTimeOffset Start, DateTimeOffset End) Of(BillingSubscription? subscription, DateTimeOffset now)
    {
        if (subscription is { CurrentPeriodStart: { } start, CurrentPeriodEnd: { } end } && end > start)
        {
            // A period never runs backwards, so give up rolling after a sane number of steps (a stale row).
            for (var steps = 0; now >= end && steps < 1000; steps++)
            {
                (start, end) = (end, Next(end, subscription.RecurringInterval, Math.Max(1, subscription.RecurringIntervalCount)));
            }

            return (start, end);
        }

        var month = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return (month, month.AddMonths(1));
    }

    private static DateTimeOffset Next(DateTimeOffset from, string interval, int count) => interval switch
    {
        "day" => from.AddDays(count),
        "week" => from.AddDays(7 * count),
        "year" => from.AddYears(count),
        _ => from.AddMonths(count),
    };
}
