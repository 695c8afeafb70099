using PolarBilling.Store;
using PolarBilling.Usage.Periods;
using Xunit;

namespace PolarBilling.Tests.Usage.Periods;

public sealed class UsagePeriodsTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(5);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static BillingSubscription Monthly(DateTimeOffset start, DateTimeOffset end, string interval = "month") => new()
    {
        Id = "sub_1", Status = "active", RecurringInterval = interval, RecurringIntervalCount = 1, CurrentPeriodStart = start, CurrentPeriodEnd = end,
    };

    [Fact]
    public void Without_a_subscription_the_period_is_the_calendar_month_utc()
    {
        var period = UsagePeriods.ForRecording(null, At(3, 14, 15, 9), Lead);

        Assert.Equal(new BillingPeriod(At(3, 1, 0), At(4, 1, 0)), period);
        Assert.Equal(new UsageSlot(At(3, 14, 15), At(3, 14, 16), period), UsagePeriods.Window(period, At(3, 14, 15, 9), Hour));
    }

    [Fact]
    public void A_period_ending_inside_an_hour_clips_the_last_window_and_the_next_period_starts_mid_hour()
    {
        var subscription = Monthly(At(3, 10, 10, 23), At(4, 10, 10, 23));

        var before = UsagePeriods.ForRecording(subscription, At(4, 10, 10, 10), Lead);
        Assert.Equal(new UsageSlot(At(4, 10, 10), At(4, 10, 10, 23), new BillingPeriod(At(3, 10, 10, 23), At(4, 10, 10, 23))), UsagePeriods.Window(before, At(4, 10, 10, 10), Hour));

        var next = new BillingPeriod(At(4, 10, 10, 23), At(5, 10, 10, 23));
        Assert.Equal(new UsageSlot(At(4, 10, 10, 23), At(4, 10, 11), next), UsagePeriods.Window(next, At(4, 10, 10, 40), Hour));
    }

    [Fact]
    public void Usage_inside_the_lead_counts_toward_the_next_period_in_its_first_window()
    {
        var subscription = Monthly(At(3, 10, 10, 23), At(4, 10, 10, 23));

        var atSyncPoint = UsagePeriods.ForRecording(subscription, At(4, 10, 10, 18), Lead);
        var justBefore = UsagePeriods.ForRecording(subscription, At(4, 10, 10, 18).AddTicks(-1), Lead);

        Assert.Equal(new BillingPeriod(At(3, 10, 10, 23), At(4, 10, 10, 23)), justBefore);
        Assert.Equal(new BillingPeriod(At(4, 10, 10, 23), At(5, 10, 10, 23)), atSyncPoint);
        Assert.Equal(new UsageSlot(At(4, 10, 10, 23), At(4, 10, 11), atSyncPoint), UsagePeriods.Window(atSyncPoint, At(4, 10, 10, 20), Hour));
    }

    [Fact]
    public void With_no_lead_usage_counts_toward_the_period_until_its_end()
    {
        var subscription = Monthly(At(3, 10, 10, 23), At(4, 10, 10, 23));

        Assert.Equal(At(3, 10, 10, 23), UsagePeriods.ForRecording(subscription, At(4, 10, 10, 22), TimeSpan.Zero).Start);
        Assert.Equal(At(4, 10, 10, 23), UsagePeriods.ForRecording(subscription, At(4, 10, 10, 23), TimeSpan.Zero).Start);
    }

    [Fact]
    public void A_stale_projection_is_rolled_forward_by_the_subscription_interval()
    {
        var subscription = Monthly(At(1, 5, 0), At(2, 5, 0));

        Assert.Equal(new BillingPeriod(At(3, 5, 0), At(4, 5, 0)), UsagePeriods.Current(subscription, At(3, 20, 12)));
    }

    [Fact]
    public void A_yearly_plan_has_a_yearly_period_and_its_next_one()
    {
        var subscription = Monthly(At(6, 1, 8), At(6, 1, 8, year: 2027), "year");

        var period = UsagePeriods.ForRecording(subscription, At(5, 31, 23, 0, year: 2027), Lead);
        var lead = UsagePeriods.ForRecording(subscription, At(6, 1, 7, 58, year: 2027), Lead);

        Assert.Equal(new BillingPeriod(At(6, 1, 8), At(6, 1, 8, year: 2027)), period);
        Assert.Equal(new BillingPeriod(At(6, 1, 8, year: 2027), At(6, 1, 8, year: 2028)), lead);
    }

    [Fact]
    public void The_calendar_month_rolls_into_the_next_year()
    {
        Assert.Equal(new BillingPeriod(At(1, 1, 0, year: 2027), At(2, 1, 0, year: 2027)), UsagePeriods.ForRecording(null, At(12, 31, 23, 57), Lead));
    }

    [Fact]
    public void Windows_follow_the_window_length_aligned_to_utc()
    {
        var period = new BillingPeriod(At(3, 1, 0), At(4, 1, 0));

        Assert.Equal(new UsageSlot(At(3, 14, 15, 45), At(3, 14, 16), period), UsagePeriods.Window(period, new DateTimeOffset(2026, 3, 14, 17, 52, 0, TimeSpan.FromHours(2)), TimeSpan.FromMinutes(15)));
        Assert.Equal(TimeSpan.Zero, UsagePeriods.Window(period, At(3, 14, 15, 9), Hour).Start.Offset);
    }
}
