using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary><c>subscription.canceled</c>, <c>.uncanceled</c> and <c>.revoked</c> performed as Polar's update and revoke do, with Polar's refusals.</summary>
public sealed class SubscriptionLifecycleTriggerTests : TriggerTest
{
    [Fact]
    public async Task Canceled_cancels_at_the_period_end_and_keeps_the_subscription_active()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        MoveTo(Start.AddDays(5));

        var answer = As<Subscription>(await TriggerAsync(Trigger("subscription.canceled", "subscription_id", subscription.Id),
            "subscription.updated", "subscription.canceled", "customer.state_changed"));

        var canceled = await GetSubscriptionAsync(subscription.Id);
        Assert.True(answer.CancelAtPeriodEnd);
        Assert.Equal(SubscriptionStatus.Active, canceled.Status);
        Assert.True(canceled.CancelAtPeriodEnd);
        Assert.Equal(Start.AddDays(5), canceled.CanceledAt);
        Assert.Equal(Start.AddDays(30), canceled.EndsAt);
    }

    [Fact]
    public async Task Canceled_immediately_revokes_now_with_the_benefits()
    {
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));
        var body = Trigger("subscription.canceled", "subscription_id", subscription.Id);
        body["immediately"] = true;

        await TriggerAsync(body,
            "subscription.updated", "subscription.canceled", "subscription.revoked", "customer.state_changed",
            "benefit_grant.revoked", "customer.state_changed");

        var revoked = await GetSubscriptionAsync(subscription.Id);
        Assert.Equal(SubscriptionStatus.Canceled, revoked.Status);
        Assert.Equal(Start, revoked.EndedAt);
    }

    [Fact]
    public async Task Canceling_twice_is_Polars_AlreadyCanceledSubscription()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await SendTriggerAsync(Trigger("subscription.canceled", "subscription_id", subscription.Id));

        var body = await RefusedAsync(Trigger("subscription.canceled", "subscription_id", subscription.Id), 403, "AlreadyCanceledSubscription");

        Assert.Equal("This subscription is already canceled or will be at the end of the period.", (string?)body["detail"]);
    }

    [Fact]
    public async Task Uncanceled_takes_the_cancellation_back()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await SendTriggerAsync(Trigger("subscription.canceled", "subscription_id", subscription.Id));

        await TriggerAsync(Trigger("subscription.uncanceled", "subscription_id", subscription.Id),
            "subscription.updated", "subscription.uncanceled", "customer.state_changed");

        var uncanceled = await GetSubscriptionAsync(subscription.Id);
        Assert.False(uncanceled.CancelAtPeriodEnd);
        Assert.Null(uncanceled.CanceledAt);
        Assert.Null(uncanceled.EndsAt);
    }

    [Fact]
    public async Task Uncanceling_a_subscription_that_is_not_canceled_is_Polars_400()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        await RefusedAsync(Trigger("subscription.uncanceled", "subscription_id", subscription.Id), 400, "BadRequest");
    }

    [Fact]
    public async Task Revoked_ends_the_subscription_now()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        MoveTo(Start.AddDays(3));

        var answer = As<Subscription>(await TriggerAsync(Trigger("subscription.revoked", "subscription_id", subscription.Id),
            "subscription.updated", "subscription.canceled", "subscription.revoked", "customer.state_changed"));

        Assert.Equal(SubscriptionStatus.Canceled, answer.Status);
        var revoked = await GetSubscriptionAsync(subscription.Id);
        Assert.Equal(SubscriptionStatus.Canceled, revoked.Status);
        Assert.Equal(Start.AddDays(3), revoked.EndedAt);
        await RefusedAsync(Trigger("subscription.revoked", "subscription_id", subscription.Id), 403, "AlreadyCanceledSubscription");
    }
}
