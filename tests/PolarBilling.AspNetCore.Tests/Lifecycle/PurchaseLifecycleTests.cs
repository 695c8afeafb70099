using System.Net;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Lifecycle;

/// <summary>A one-time purchase, and the payment history a subscription builds up as it renews.</summary>
public sealed class PurchaseLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_one_time_purchase_unlocks_its_features_without_a_subscription()
    {
        await using var life = await LifecycleApp.StartAsync("course-user");

        await life.App.SubscribeAsync(life.UserId, "course");

        var view = await life.WaitForSubscriptionAsync(v => v.Strings("purchases").Contains("course"), "the purchase is projected");
        Assert.Equal("free", view.Str("plan"));
        Assert.Contains("course-access", view.Strings("features"));
        Assert.Equal(HttpStatusCode.Forbidden, await life.GateAsync("pro"));
        var order = Assert.Single(await life.OrdersAsync());
        Assert.Equal(("paid", "purchase", "course", 29900L), (order.Str("status"), order.Str("billingReason"), order.Str("plan"), order.GetProperty("total").GetInt64()));
        Assert.NotNull(order.Str("invoiceUrl"));
    }

    [Fact]
    public async Task The_payment_history_lists_every_renewal_with_an_invoice_link()
    {
        await using var life = await LifecycleApp.StartAsync("history-user");
        await life.App.SubscribeAsync(life.UserId, "enterprise");

        for (var renewal = 1; renewal <= 2; renewal++)
        {
            var periodEnd = (await life.SubscriptionAsync()).Time("currentPeriodEnd");
            life.AdvanceTo(periodEnd, TimeSpan.FromSeconds(1));
            await life.WaitForSubscriptionAsync(v => v.Time("currentPeriodEnd") > periodEnd, $"renewal {renewal} is projected");
        }

        var orders = await life.WaitForOrdersAsync(list => list.Count(o => o.Str("status") == "paid") == 3, "three paid orders");
        Assert.Equal(
            ["subscription_create", "subscription_cycle", "subscription_cycle"],
            orders.OrderBy(o => o.Time("createdAt")).Select(o => o.Str("billingReason")));
        Assert.All(orders, o =>
        {
            Assert.Equal((9900L, "usd", "enterprise"), (o.GetProperty("total").GetInt64(), o.Str("currency"), o.Str("plan")));
            Assert.False(string.IsNullOrEmpty(o.Str("invoiceUrl")));
        });

        // Polar generates an invoice only for an order with a billing name and address (the customer enters them in the portal).
        var latest = orders.MaxBy(o => o.Time("createdAt"));
        await life.App.Polar.Orders.UpdateAsync(
            latest.Str("id")!,
            new OrderUpdate { BillingName = "History User", BillingAddress = new AddressInput { Line1 = "1 Main St", City = "Springfield", PostalCode = "12345", Country = "US" } },
            cancellationToken: Ct);
        using var invoice = await life.Client.GetAsync(latest.Str("invoiceUrl"), Ct);
        Assert.True(
            invoice.StatusCode is HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect,
            $"invoice: {(int)invoice.StatusCode} {await invoice.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(life.App.Emulator.BaseUrl.Authority, invoice.Headers.Location?.Authority);
    }
}
