using Microsoft.Extensions.DependencyInjection;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Client;
using PolarBilling.Usage;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage;

/// <summary>The invoice preview read before the period ends equals the renewal order the emulator then creates.</summary>
public sealed class InvoicePreviewRenewalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_matches_the_renewal_order_with_overage_and_a_forever_percentage_discount()
    {
        await using var app = await MeteredTestApp.StartAsync();
        var subscription = await app.SubscribeToApiAsync("judy");
        var client = app.ClientFor("judy");
        app.Services.GetRequiredService<IUsageMeter>().Record("judy", MeteredTestApp.Meter, 12_345);
        await MeteredTestApp.WaitForUsedAsync(client, 12_345);
        var discount = await app.Polar.Discounts.CreateAsync(
            new DiscountPercentageCreate { Name = "Loyalty", BasisPoints = 1250, Duration = DiscountDuration.Forever }, cancellationToken: Ct);
        await app.Polar.Subscriptions.ApplyDiscountAsync(subscription.Id, discount.Id, cancellationToken: Ct);

        // The window closes when its hour has passed; then the usage goes to Polar.
        app.AdvanceClock(TimeSpan.FromHours(2));
        var synced = await app.Services.GetRequiredService<IUsageSync>().SyncNowAsync(Ct);
        Assert.True(synced.Ran && synced.Failed == 0 && synced.Inserted >= 1, synced.ToString());

        using var response = await client.GetAsync("/api/usage/invoice-preview", Ct);
        var preview = await response.ReadJsonAsync();
        var line = Assert.Single(preview.GetProperty("lines").EnumerateArray());
        Assert.Equal((12_345L, 10_000L, 2_345L, 2_345L), (line.GetProperty("used").GetInt64(), line.GetProperty("included").GetInt64(), line.GetProperty("billableQuantity").GetInt64(), line.GetProperty("amount").GetInt64()));
        Assert.Equal((4_900L, 7_245L, 906L, 6_339L), (preview.GetProperty("baseFee").GetInt64(), preview.GetProperty("subtotal").GetInt64(), preview.GetProperty("discount").GetInt64(), preview.GetProperty("total").GetInt64()));
        Assert.Contains("Loyalty", preview.Str("discountDescription"), StringComparison.Ordinal);
        Assert.Equal(subscription.PeriodEnd, preview.GetProperty("periodEnd").GetDateTimeOffset());

        app.Emulator.AdvanceClockTo(subscription.PeriodEnd.AddMinutes(1));
        var order = await WaitForRenewalOrderAsync(app.Polar, subscription.Id);
        Assert.Equal(preview.GetProperty("total").GetInt64(), order.TotalAmount);
        Assert.Equal(preview.GetProperty("subtotal").GetInt64(), order.SubtotalAmount);
        Assert.Equal(preview.GetProperty("discount").GetInt64(), order.DiscountAmount);
        var metered = Assert.Single(order.Items, i => i.Label.StartsWith("API calls", StringComparison.Ordinal));
        Assert.Equal(line.GetProperty("amount").GetInt64(), metered.Amount);
        Assert.Equal(preview.GetProperty("baseFee").GetInt64(), order.Items.Where(i => i != metered).Sum(i => i.Amount));
    }

    private static async Task<Order> WaitForRenewalOrderAsync(PolarClient polar, string subscriptionId)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (true)
        {
            var orders = await polar.Orders.ListAsync(new OrderListOptions { SubscriptionId = [subscriptionId] }, cancellationToken: Ct);
            if (orders.Items.FirstOrDefault(o => o.BillingReason == OrderBillingReason.SubscriptionCycle) is { } order)
            {
                return order;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The emulator created no renewal order within 30 s.");
            await Task.Delay(100, Ct);
        }
    }
}
