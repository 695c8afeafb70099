using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary><c>GET /v1/subscriptions/export</c>: Polar's CSV, default or chosen columns, dates in the asked time zone.</summary>
public sealed class SubscriptionExportTests : SubscriptionTest
{
    [Fact]
    public async Task The_default_columns_list_each_subscription_newest_first()
    {
        await SubscribeAsync(await MonthlyAsync("Basic", 2900), "ada@example.com");
        MoveTo(Start.AddHours(1));
        await SubscribeAsync(await MonthlyAsync("Yearly, extra", 9999, interval: RecurringInterval.Year), "grace@example.com");

        using var response = await Http.GetAsync("/v1/subscriptions/export", Cancel);
        var csv = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "Email,Started At,Product,Amount,Currency,Status,Billing Interval\r\n"
            + "grace@example.com,2026-11-02T10:00:00+00:00,\"Yearly, extra\",99.99,usd,active,year\r\n"
            + "ada@example.com,2026-11-02T09:00:00+00:00,Basic,29.0,usd,active,month\r\n",
            csv);
    }

    [Fact]
    public async Task Chosen_columns_in_another_time_zone()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await Polar.Subscriptions.CancelAtPeriodEndAsync(subscription.Id, CustomerCancellationReason.Unused, cancellationToken: Cancel);

        var csv = await Http.GetStringAsync("/v1/subscriptions/export?columns=email&columns=ends_at&columns=cancellation_reason&columns=cancel_at_period_end&timezone=Europe/Paris", Cancel);

        Assert.Equal("Email,Ends At,Cancellation Reason,Cancels At Period End\r\nada@example.com,2026-12-02T10:00:00+01:00,unused,true\r\n", csv);
    }

    [Fact]
    public async Task An_unknown_column_is_422()
    {
        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/subscriptions/export?columns=shoe_size");

        Assert.Equal(422, status);
    }
}
