using PolarBilling.Client;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Period arithmetic as Polar's <c>SubscriptionRecurringInterval.get_next_period</c>: days and weeks add exactly;
/// months and years land on the anchor day, or the month's last day when it is shorter (Jan 31 → Feb 28 → Mar 31).
/// </summary>
internal static class BillingPeriods
{
    public static DateTimeOffset Next(DateTimeOffset from, int anchorDay, RecurringInterval interval, long count)
    {
        var n = checked((int)count);
        if (interval == RecurringInterval.Day)
        {
            return from.AddDays(n);
        }

        if (interval == RecurringInterval.Week)
        {
            return from.AddDays(7 * n);
        }

        var moved = interval == RecurringInterval.Year ? from.AddYears(n) : from.AddMonths(n);
        var day = Math.Min(anchorDay, DateTime.DaysInMonth(moved.Year, moved.Month));
        return new DateTimeOffset(new DateTime(moved.Year, moved.Month, day, 0, 0, 0, DateTimeKind.Unspecified), TimeSpan.Zero) + moved.TimeOfDay;
    }

    /// <summary>When a trial of <paramref name="count"/> <paramref name="interval"/>s started at <paramref name="start"/> ends (Polar's <c>TrialInterval.get_end</c>).</summary>
    public static DateTimeOffset TrialEnd(DateTimeOffset start, TrialInterval interval, long count)
    {
        var n = checked((int)count);
        if (interval == TrialInterval.Day)
        {
            return start.AddDays(n);
        }

        if (interval == TrialInterval.Week)
        {
            return start.AddDays(7 * n);
        }

        return interval == TrialInterval.Year ? start.AddYears(n) : start.AddMonths(n);
    }

    /// <summary>The share of the period still ahead at <paramref name="now"/>, 0 to 1 (Polar's <c>_calculate_time_proration</c>).</summary>
    public static decimal Remaining(DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset now)
    {
        var total = (decimal)(periodEnd - periodStart).TotalSeconds;
        var left = (decimal)(periodEnd - now).TotalSeconds;
        return left <= 0 || total <= 0 ? 0m : left / total;
    }
}
