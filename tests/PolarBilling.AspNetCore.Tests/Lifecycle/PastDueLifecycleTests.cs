using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Store;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Lifecycle;

/// <summary>A failed renewal: the grace period, the loss of access after it, and the recovery when the card is replaced.</summary>
public sealed class PastDueLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_due_keeps_access_for_the_grace_period_then_loses_it_until_the_card_is_replaced()
    {
        await using var life = await LifecycleApp.StartAsync("past-due-user");
        await life.App.SubscribeAsync(life.UserId, "enterprise");
        var periodEnd = (await life.WaitForSubscriptionAsync(v => v.Str("status") == "active", "the subscription is active")).Time("currentPeriodEnd");
        await life.SetCardAsync("fail");

        life.AdvanceTo(periodEnd, TimeSpan.FromSeconds(1));

        var pastDue = await life.WaitForSubscriptionAsync(v => v.Str("status") == "past_due", "the refused renewal makes it past_due");
        Assert.Equal("enterprise", pastDue.Str("plan"));
        Assert.Equal(HttpStatusCode.OK, await life.GateAsync("enterprise"));

        // The default grace is 7 days from the failure; the dunning retries at +2 and +7 days keep failing.
        life.AdvanceTo(periodEnd, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await life.GateAsync("enterprise"));

        life.AdvanceTo(periodEnd, TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await life.WaitForGateAsync("enterprise", HttpStatusCode.Forbidden, "access ends when the grace period is over");
        Assert.Equal("enterprise", (await life.DenialAsync("enterprise")).Str("requiredPlan"));
        var projected = Assert.Single(await life.App.Services.GetRequiredService<IBillingReadStore>().ListSubscriptionsAsync((await life.CustomerAsync()).Id, null, Ct));
        Assert.Equal("past_due", projected.Status);
        var afterGrace = await life.WaitForSubscriptionAsync(v => v.Str("plan") == "free", "the view falls back to the free plan");
        Assert.Equal(("past_due", projected.Id), (afterGrace.Str("status"), afterGrace.Str("subscriptionId")));

        await life.SetCardAsync("succeed");

        await life.WaitForSubscriptionAsync(v => v.Str("status") == "active", "replacing the card pays the order and the subscription recovers");
        await life.WaitForGateAsync("enterprise", HttpStatusCode.OK, "access comes back with the payment");
        var orders = await life.OrdersAsync();
        Assert.Equal(2, orders.Count(o => o.Str("status") == "paid"));
        Assert.Contains(orders, o => o.Str("billingReason") == "subscription_cycle" && o.Str("status") == "paid");
    }
}
