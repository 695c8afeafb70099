using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary><c>subscription.past_due</c> fails a real renewal charge; <c>subscription.active</c> recovers it with a card that pays.</summary>
public sealed class SubscriptionPaymentTriggerTests : TriggerTest
{
    [Fact]
    public async Task Past_due_fails_the_renewal_charge_now_and_schedules_the_first_retry()
    {
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));
        MoveTo(Start.AddDays(10));

        var answer = await TriggerAsync(Trigger("subscription.past_due", "subscription_id", subscription.Id),
            "subscription.cycled", "subscription.updated", "customer.state_changed", "order.created",
            "subscription.updated", "subscription.past_due", "customer.state_changed", "benefit_grant.revoked", "customer.state_changed");

        var pastDue = await GetSubscriptionAsync(subscription.Id);
        Assert.Equal(SubscriptionStatus.PastDue, As<Subscription>(answer).Status);
        Assert.Equal(SubscriptionStatus.PastDue, pastDue.Status);
        Assert.Equal(Start.AddDays(10), pastDue.PastDueAt);
        Assert.Equal(Start.AddDays(10), pastDue.CurrentPeriodStart);
        var order = await CycleOrderAsync(subscription.Id);
        Assert.Equal(OrderBillingReason.SubscriptionCycle, order.BillingReason);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(Start.AddDays(12), order.NextPaymentAttemptAt);
    }

    [Fact]
    public async Task Past_due_leaves_a_card_that_keeps_failing_so_the_retries_fail_too()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await TriggerAsync(Trigger("subscription.past_due", "subscription_id", subscription.Id),
            "subscription.cycled", "subscription.updated", "customer.state_changed", "order.created",
            "subscription.updated", "subscription.past_due", "customer.state_changed");

        var (status, body) = await SendAsync(HttpMethod.Post, "/emulator/clock/advance", """{"seconds": 172800}""");

        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal(SubscriptionStatus.PastDue, (await GetSubscriptionAsync(subscription.Id)).Status);
        Assert.Equal(Start.AddDays(7), (await CycleOrderAsync(subscription.Id)).NextPaymentAttemptAt);
    }

    [Fact]
    public async Task Active_replaces_the_card_with_one_that_pays_and_recovers_the_subscription()
    {
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));
        await SendTriggerAsync(Trigger("subscription.past_due", "subscription_id", subscription.Id));
        MoveTo(Start.AddDays(1));

        var answer = await TriggerAsync(Trigger("subscription.active", "subscription_id", subscription.Id),
            "order.updated", "order.paid", "subscription.updated", "subscription.active", "customer.state_changed",
            "benefit_grant.created", "customer.state_changed");

        Assert.Equal(SubscriptionStatus.Active, As<Subscription>(answer).Status);
        var recovered = await GetSubscriptionAsync(subscription.Id);
        Assert.Equal(SubscriptionStatus.Active, recovered.Status);
        Assert.Null(recovered.PastDueAt);
        var order = await CycleOrderAsync(subscription.Id);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Null(order.NextPaymentAttemptAt);
    }

    [Fact]
    public async Task Active_is_refused_for_a_subscription_that_is_not_past_due()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var body = await RefusedAsync(Trigger("subscription.active", "subscription_id", subscription.Id), 409, "TriggerNotApplicable");

        Assert.Contains("is active", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_due_is_refused_with_Polars_error_when_the_period_end_would_cancel_instead()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await Polar.Subscriptions.CancelAtPeriodEndAsync(subscription.Id, cancellationToken: Cancel);

        await RefusedAsync(Trigger("subscription.past_due", "subscription_id", subscription.Id), 403, "AlreadyCanceledSubscription");

        Assert.Equal(SubscriptionStatus.Active, (await GetSubscriptionAsync(subscription.Id)).Status);
    }
}
