using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary><c>subscription.cycled</c>, <c>.paused</c> and <c>.resumed</c>: the period ends now and the real renewal, pause or resumption runs.</summary>
public sealed class SubscriptionCycleTriggerTests : TriggerTest
{
    [Fact]
    public async Task Cycled_ends_the_period_now_and_bills_the_next_one()
    {
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));
        MoveTo(Start.AddDays(10));

        var answer = As<Subscription>(await TriggerAsync(Trigger("subscription.cycled", "subscription_id", subscription.Id),
            "subscription.cycled", "subscription.updated", "customer.state_changed",
            "order.created", "order.updated", "order.paid", "benefit_grant.cycled", "customer.state_changed"));

        Assert.Equal(Start.AddDays(10), answer.CurrentPeriodStart);
        var cycled = await GetSubscriptionAsync(subscription.Id);
        Assert.Equal(Start.AddDays(10), cycled.CurrentPeriodStart);
        // The anchor day stays the 2nd, as in Polar's cycle: the next period ends on Dec 2.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), cycled.CurrentPeriodEnd);
        var orders = await OrdersAsync(subscription.Id);
        Assert.Equal(2, orders.Count);
        Assert.Equal(OrderBillingReason.SubscriptionCycle, orders[^1].BillingReason);
        Assert.Equal(OrderStatus.Paid, orders[^1].Status);
    }

    [Fact]
    public async Task Cycled_is_refused_for_a_revoked_subscription()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await Polar.Subscriptions.RevokeAsync(subscription.Id, cancellationToken: Cancel);

        await RefusedAsync(Trigger("subscription.cycled", "subscription_id", subscription.Id), 403, "InactiveSubscription");
    }

    [Fact]
    public async Task Paused_schedules_the_pause_and_reaches_the_period_end_now()
    {
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));
        MoveTo(Start.AddDays(4));

        var answer = As<Subscription>(await TriggerAsync(Trigger("subscription.paused", "subscription_id", subscription.Id),
            "subscription.updated", "customer.state_changed",
            "subscription.updated", "subscription.paused", "customer.state_changed", "benefit_grant.revoked", "customer.state_changed"));

        Assert.Equal(SubscriptionStatus.Paused, answer.Status);
        var paused = await GetSubscriptionAsync(subscription.Id);
        Assert.Equal(SubscriptionStatus.Paused, paused.Status);
        Assert.Equal(Start.AddDays(4), paused.PausedAt);
        Assert.Single(await OrdersAsync(subscription.Id));
        await RefusedAsync(Trigger("subscription.paused", "subscription_id", subscription.Id), 409, "TriggerNotApplicable");
    }

    [Fact]
    public async Task Resumed_starts_a_new_period_now_and_bills_it()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await SendTriggerAsync(Trigger("subscription.paused", "subscription_id", subscription.Id));
        MoveTo(Start.AddDays(20));

        await TriggerAsync(Trigger("subscription.resumed", "subscription_id", subscription.Id),
            "subscription.updated", "subscription.resumed", "customer.state_changed", "order.created", "order.updated", "order.paid");

        var resumed = await GetSubscriptionAsync(subscription.Id);
        Assert.Equal(SubscriptionStatus.Active, resumed.Status);
        Assert.Equal(Start.AddDays(20), resumed.CurrentPeriodStart);
        Assert.Equal(2, (await OrdersAsync(subscription.Id)).Count);
    }

    [Fact]
    public async Task Resuming_a_subscription_that_is_not_paused_is_refused()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        await RefusedAsync(Trigger("subscription.resumed", "subscription_id", subscription.Id), 403, "InactiveSubscription");
    }
}
