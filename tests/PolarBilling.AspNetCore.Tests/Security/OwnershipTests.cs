using System.Net;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Security;

/// <summary>Every billing endpoint acts only on the signed-in user's own customer: another user can read, change or cancel nothing.</summary>
public sealed class OwnershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_user_can_never_read_change_or_cancel_someone_elses_billing()
    {
        await using var app = await BillingTestApp.StartAsync();
        var aliceCheckout = await app.SubscribeAsync("alice", "pro");
        var aliceSubscription = (await app.WaitForSubscriptionsAsync("alice", s => s.Count == 1)).Single();
        var aliceOrder = (await app.Polar.Orders.ListAsync(new OrderListOptions { ExternalCustomerId = ["alice"] }, cancellationToken: Ct)).Items.Single();
        var mallory = app.ClientFor("mallory");

        using (var view = await mallory.GetAsync("/api/billing/subscription", Ct))
        {
            var json = await view.ReadJsonAsync();
            Assert.Equal(("free", null), (json.Str("plan"), json.Str("subscriptionId")));
        }

        using (var orders = await mallory.GetAsync("/api/billing/orders", Ct))
        {
            Assert.Empty((await orders.ReadJsonAsync()).EnumerateArray());
        }

        using (var invoice = await mallory.GetAsync($"/api/billing/orders/{aliceOrder.Id}/invoice", Ct))
        {
            await invoice.ReadJsonAsync(HttpStatusCode.NotFound);
        }

        using (var confirm = await mallory.GetAsync($"/api/billing/checkout/{aliceCheckout}/confirm", Ct))
        {
            await confirm.ReadJsonAsync(HttpStatusCode.NotFound);
        }

        using (var portal = await mallory.GetAsync("/api/billing/portal", Ct))
        {
            await portal.ReadJsonAsync(HttpStatusCode.NotFound);
        }

        using (var upgrade = await mallory.PutJsonAsync("/api/billing/subscription/upgrade", new { plan = "enterprise" }))
        {
            await upgrade.ReadJsonAsync(HttpStatusCode.Conflict);
        }

        using (var downgrade = await mallory.PutJsonAsync("/api/billing/subscription/downgrade", new { plan = "pro" }))
        {
            await downgrade.ReadJsonAsync(HttpStatusCode.Conflict);
        }

        using (var cancel = await mallory.DeleteAsync("/api/billing/subscription/cancel?immediately=true", Ct))
        {
            await cancel.ReadJsonAsync(HttpStatusCode.Conflict);
        }

        using (var resume = await mallory.PostAsync("/api/billing/subscription/resume", null, Ct))
        {
            await resume.ReadJsonAsync(HttpStatusCode.Conflict);
        }

        var after = await app.Polar.Subscriptions.GetAsync(aliceSubscription.Id, cancellationToken: Ct);
        Assert.Equal((app.Plans.ProId, SubscriptionStatus.Trialing, false), (after.ProductId, after.Status, after.CancelAtPeriodEnd));
        Assert.False((await app.Polar.Orders.GetAsync(aliceOrder.Id, cancellationToken: Ct)).IsInvoiceGenerated);
    }

    [Fact]
    public async Task A_subscriber_acting_on_their_own_subscription_never_touches_another_subscribers()
    {
        await using var app = await BillingTestApp.StartAsync();
        await app.SubscribeAsync("alice", "enterprise");
        await app.SubscribeAsync("bob", "enterprise");
        app.AdvanceClock(TimeSpan.FromMinutes(1));
        using (var cancel = await app.ClientFor("bob").DeleteAsync("/api/billing/subscription/cancel", Ct))
        {
            Assert.True((await cancel.ReadJsonAsync()).GetProperty("cancelAtPeriodEnd").GetBoolean());
        }

        var alice = (await app.Polar.Subscriptions.ListAsync(new SubscriptionListOptions { ExternalCustomerId = ["alice"] }, cancellationToken: Ct)).Items.Single();
        var bob = (await app.Polar.Subscriptions.ListAsync(new SubscriptionListOptions { ExternalCustomerId = ["bob"] }, cancellationToken: Ct)).Items.Single();
        Assert.Equal((false, true), (alice.CancelAtPeriodEnd, bob.CancelAtPeriodEnd));
    }
}
