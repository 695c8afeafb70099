using Microsoft.Extensions.Options;
using PolarBilling.Client;
using PolarBilling.Tests.Entitlements;
using PolarBilling.Usage.Periods;
using PolarBilling.Usage.Reports;
using Xunit;

namespace PolarBilling.Tests.Usage.Reports;

public sealed class UsageReportsTests : IDisposable
{
    private static readonly DateTimeOffset PeriodStart = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeUsageStore _usage = new();
    private readonly FakeReadStore _store = new();
    private readonly TestClock _clock = new(PeriodStart.AddDays(3));
    private readonly PolarClient _polar = new(new PolarClientOptions { AccessToken = "unused", Server = "http://127.0.0.1:9", MaxRetries = 0 });
    private readonly UsageReports _reports;

    public UsageReportsTests()
    {
        var options = new PolarBillingOptions();
        _reports = new UsageReports(_usage, new UsagePeriodResolver(_store, ReportFixtures.Catalog()), Options.Create(options), new RenewalDiscounts(_polar, _clock), _clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _polar.Dispose();

    [Fact]
    public async Task Current_usage_of_a_subscriber_covers_the_subscription_period_and_its_overage()
    {
        Subscribe(PeriodStart, PeriodStart.AddMonths(1));
        _usage.Add(ReportFixtures.UserId, "api_calls", PeriodStart.AddHours(1), PeriodStart, 9_000);
        _usage.Add(ReportFixtures.UserId, "api_calls", PeriodStart.AddHours(2), PeriodStart, 3_000);
        _usage.Add(ReportFixtures.UserId, "api_calls", PeriodStart.AddMonths(-1), PeriodStart.AddMonths(-1), 50_000);
        _usage.Add("someone-else", "api_calls", PeriodStart.AddHours(1), PeriodStart, 70_000);

        var current = await _reports.GetCurrentAsync(ReportFixtures.UserId, Ct);

        Assert.Equal(("api", "usd", PeriodStart, PeriodStart.AddMonths(1)), (current.Plan, current.Currency, current.PeriodStart, current.PeriodEnd));
        var meter = Assert.Single(current.Meters);
        Assert.Equal(
            ("api_calls", "API calls", "calls", 12_000L, 10_000L, 0L, 2_000L, 2_000L, 1m, (int?)100),
            (meter.Meter, meter.Name, meter.Unit, meter.Used, meter.Included, meter.Remaining, meter.OverageQuantity, meter.OverageCost, meter.UnitPrice, meter.AlertLevel));
    }

    [Fact]
    public async Task A_user_without_a_subscription_is_on_the_free_plan_for_the_calendar_month_and_unpriced_meters_show_at_no_charge()
    {
        var month = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        _usage.Add(ReportFixtures.UserId, "exports", month.AddDays(2), month, 42);

        var current = await _reports.GetCurrentAsync(ReportFixtures.UserId, Ct);

        Assert.Equal(("free", month, month.AddMonths(1)), (current.Plan, current.PeriodStart, current.PeriodEnd));
        var meter = Assert.Single(current.Meters);
        Assert.Equal(("exports", 42L, 0L, 0L, 0m, (int?)null), (meter.Meter, meter.Used, meter.Included, meter.OverageCost, meter.UnitPrice, meter.AlertLevel));
    }

    [Fact]
    public async Task Unused_metered_components_show_with_everything_remaining()
    {
        Subscribe(PeriodStart, PeriodStart.AddMonths(1));

        var meter = Assert.Single((await _reports.GetCurrentAsync(ReportFixtures.UserId, Ct)).Meters);

        Assert.Equal((0L, 10_000L, 0L, 0L, (int?)null), (meter.Used, meter.Remaining, meter.OverageQuantity, meter.OverageCost, meter.AlertLevel));
    }

    [Fact]
    public async Task When_the_clock_passed_the_projected_period_end_the_next_period_is_reported()
    {
        Subscribe(PeriodStart, PeriodStart.AddMonths(1));
        _clock.Now = PeriodStart.AddMonths(1).AddDays(1);
        _usage.Add(ReportFixtures.UserId, "api_calls", PeriodStart.AddMonths(1), PeriodStart.AddMonths(1), 10);

        var current = await _reports.GetCurrentAsync(ReportFixtures.UserId, Ct);

        Assert.Equal((PeriodStart.AddMonths(1), PeriodStart.AddMonths(2)), (current.PeriodStart, current.PeriodEnd));
        Assert.Equal(10, Assert.Single(current.Meters).Used);
    }

    [Fact]
    public async Task Hourly_history_has_every_bucket_with_zeros_and_sums_parts_of_one_window()
    {
        Subscribe(PeriodStart, PeriodStart.AddMonths(1));
        var hour = new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero);
        _usage.Add(ReportFixtures.UserId, "api_calls", hour, PeriodStart, 5);
        _usage.Add(ReportFixtures.UserId, "api_calls", hour, PeriodStart, 2);
        _usage.Add(ReportFixtures.UserId, "api_calls", hour.AddHours(2), PeriodStart, 1);
        _usage.Add(ReportFixtures.UserId, "api_calls", hour.AddHours(9), PeriodStart, 100);

        var history = await _reports.GetHistoryAsync(ReportFixtures.UserId, hour.AddMinutes(-30), hour.AddHours(3).AddMinutes(-10), UsageInterval.Hour, null, Ct);

        Assert.Equal((hour.AddHours(-1), hour.AddHours(3), "hour"), (history.From, history.To, history.Interval));
        var series = Assert.Single(history.Series);
        Assert.Equal("api_calls", series.Meter);
        Assert.Equal([0L, 7L, 0L, 1L], series.Points.Select(p => p.Quantity));
        Assert.Equal(hour.AddHours(-1), series.Points[0].Start);
    }

    [Fact]
    public async Task Daily_history_of_one_meter_leaves_out_the_others()
    {
        var day = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        _usage.Add(ReportFixtures.UserId, "api_calls", day.AddHours(1), day, 3);
        _usage.Add(ReportFixtures.UserId, "api_calls", day.AddHours(23), day, 4);
        _usage.Add(ReportFixtures.UserId, "exports", day.AddHours(1), day, 9);

        var history = await _reports.GetHistoryAsync(ReportFixtures.UserId, day, day.AddDays(2), UsageInterval.Day, "api_calls", Ct);

        var series = Assert.Single(history.Series);
        Assert.Equal([7L, 0L], series.Points.Select(p => p.Quantity));
    }

    [Fact]
    public async Task History_rejects_an_empty_range() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _reports.GetHistoryAsync(ReportFixtures.UserId, PeriodStart, PeriodStart, UsageInterval.Hour, null, Ct));

    [Fact]
    public async Task Invoice_preview_without_a_subscription_charges_nothing()
    {
        _usage.Add(ReportFixtures.UserId, "api_calls", new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), 50_000);

        var preview = await _reports.GetInvoicePreviewAsync(ReportFixtures.UserId, Ct);

        Assert.Equal(("free", 0L, 0L, 0L), (preview.Plan, preview.BaseFee, preview.Subtotal, preview.Total));
        Assert.Empty(preview.Lines);
    }

    private void Subscribe(DateTimeOffset start, DateTimeOffset end)
    {
        _store.Customers.Add(ReportFixtures.Customer());
        _store.Subscriptions.Add(ReportFixtures.Subscription("prod_api", start, end));
    }
}
