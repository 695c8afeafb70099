using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary>Pausing at the period end, calling a pause off, and resuming with a new billed period.</summary>
public sealed class PauseTests : SubscriptionTest
{
    [Fact]
    public async Task A_pause_is_scheduled_for_the_period_end_and_happens_at_the_renewal()
    {
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));

        var scheduled = await Polar.Subscriptions.PauseAsync(subscription.Id, Start.AddDays(45), cancellationToken: Cancel);

        Assert.True(scheduled.PauseAtPeriodEnd);
        Assert.Equal(Start.AddDays(45), scheduled.ResumesAt);
        Assert.Equal(SubscriptionStatus.Active, scheduled.Status);
        AssertWebhooks("subscription.updated", "customer.state_changed");

        MoveTo(Start.AddDays(30));
        var paused = await RenewAsync(subscription.Id);

        Assert.Equal(SubscriptionStatus.Paused, paused.Status);
        Assert.Equal(Start.AddDays(30), paused.PausedAt);
        Assert.False(paused.PauseAtPeriodEnd);
        AssertWebhooks("subscription.updated", "subscription.paused", "customer.state_changed", "benefit_grant.revoked", "customer.state_changed");
        Assert.Single(await OrdersAsync(subscription.Id));
    }

    [Fact]
    public async Task Resume_starts_a_new_period_now_and_bills_it()
    {
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));
        await Polar.Subscriptions.PauseAsync(subscription.Id, cancellationToken: Cancel);
        MoveTo(Start.AddDays(30));
        await RenewAsync(subscription.Id);
        MoveTo(Start.AddDays(40));
        TakeWebhooks();

        var resumed = await Polar.Subscriptions.ResumeAsync(subscription.Id, cancellationToken: Cancel);

        Assert.Equal(SubscriptionStatus.Active, resumed.Status);
        Assert.Null(resumed.PausedAt);
        Assert.Equal(Start.AddDays(40), resumed.CurrentPeriodStart);
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 9, 0, 0, TimeSpan.Zero), resumed.CurrentPeriodEnd);
        AssertWebhooks(
            "subscription.updated", "subscription.resumed", "customer.state_changed",
            "order.created", "order.updated", "order.paid", "benefit_grant.created", "customer.state_changed");
        var order = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal(OrderBillingReason.SubscriptionCycle, order.BillingReason);
        Assert.Equal(2900, order.TotalAmount);
    }

    [Fact]
    public async Task A_scheduled_pause_can_be_called_off()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await Polar.Subscriptions.PauseAsync(subscription.Id, cancellationToken: Cancel);

        var active = await Polar.Subscriptions.CancelScheduledPauseAsync(subscription.Id, cancellationToken: Cancel);

        Assert.False(active.PauseAtPeriodEnd);
        MoveTo(Start.AddDays(30));
        Assert.Equal(SubscriptionStatus.Active, (await RenewAsync(subscription.Id)).Status);
    }

    [Fact]
    public async Task Resumes_at_must_come_after_the_period_end()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", """{"pause_at_period_end":true,"resumes_at":"2026-11-20T00:00:00Z"}""");

        Assert.Equal(422, status);
        Assert.Equal("resumes_at", (string?)body!["detail"]![0]!["loc"]![1]);
    }

    [Fact]
    public async Task Only_a_paused_subscription_resumes()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", """{"resume":true}""");

        Assert.Equal(403, status);
        Assert.Equal("InactiveSubscription", (string?)body!["error"]);
    }
}
