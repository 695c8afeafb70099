using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage.Pipeline;

/// <summary>Usage on both sides of a renewal lands in two periods, and the renewal order bills the first period's overage exactly.</summary>
public sealed class UsagePeriodBoundaryTests(PostgresCluster postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_renewal_order_bills_the_overage_of_the_ending_period_and_the_lead_usage_counts_toward_the_next()
    {
        await using var bed = await UsageTestBed.CreateAsync(await postgres.CreateDatabaseAsync("usage"));
        await using var app = await bed.StartAppAsync();
        var subscription = await app.SubscribeAsync("alice");
        var periodStart = subscription.CurrentPeriodStart!.Value;
        var periodEnd = subscription.CurrentPeriodEnd!.Value;

        await UsageSyncToPolarTests.RecordAsync(app, ["alice"], 12_000);
        await app.Flusher.FlushAsync(Ct);
        // 120 % of the included 10,000: the 80 % and 100 % alerts fired, once each; 150 % is still ahead.
        Assert.Equal([80, 100], (await app.Store.ListAlertsAsync("alice", periodStart, Ct)).Select(a => a.Threshold));
        // Past the sync point (5 minutes before the end, plus the settle time): new usage counts toward the next period.
        bed.Emulator.AdvanceClockTo(periodEnd - TimeSpan.FromMinutes(4));
        await UsageSyncToPolarTests.RecordAsync(app, ["alice"], 500);
        await app.Flusher.FlushAsync(Ct);
        var preview = await InvoicePreviewTotalAsync(app);
        var synced = await app.Sync.SyncNowAsync(Ct);

        bed.Emulator.AdvanceClockTo(periodEnd + TimeSpan.FromMinutes(1));
        var renewal = await Eventually.GetAsync(async () =>
        {
            await foreach (var order in bed.Polar.Orders.ListAutoPagingAsync(cancellationToken: Ct))
            {
                if (order.SubscriptionId == subscription.Id && order.BillingReason == OrderBillingReason.SubscriptionCycle)
                {
                    return order;
                }
            }

            return null;
        }, "the renewal order");

        Assert.Equal(0, synced.Failed);
        var metered = Assert.Single(renewal.Items, i => i.Label.StartsWith("API calls", StringComparison.Ordinal));
        Assert.Equal(2_000, metered.Amount);
        Assert.Equal(4_900 + 2_000, renewal.SubtotalAmount);
        Assert.Equal(renewal.TotalAmount, preview);
        Assert.Equal(12_000, await bed.PolarUnitsAsync("alice", periodStart, periodEnd));

        bed.Emulator.AdvanceClock(TimeSpan.FromHours(1));
        await app.Sync.SyncNowAsync(Ct);
        Assert.Equal(500, await bed.PolarUnitsAsync("alice", periodEnd, bed.Emulator.Now));
        Assert.Equal(500, (await app.Store.SumByMeterAsync("alice", periodEnd, Ct))["api_calls"]);
        Assert.Equal(12_000, (await app.Store.SumByMeterAsync("alice", periodStart, Ct))["api_calls"]);
    }

    private static async Task<long> InvoicePreviewTotalAsync(UsagePipelineHost app)
    {
        using var response = await app.ClientFor("alice").GetAsync("/api/usage/invoice-preview", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("total").GetInt64();
    }
}
