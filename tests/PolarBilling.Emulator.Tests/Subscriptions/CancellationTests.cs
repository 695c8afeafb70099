using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary>Cancel at period end, uncancel and revoke, with Polar's event order and its 403s.</summary>
public sealed class CancellationTests : SubscriptionTest
{
    [Fact]
    public async Task Cancel_at_period_end_keeps_the_subscription_active_until_the_period_ends()
    {
        var subscription = await SubscribeWithFlagAsync();
        MoveTo(Start.AddDays(5));

        var canceled = await Polar.Subscriptions.CancelAtPeriodEndAsync(subscription.Id, CustomerCancellationReason.TooExpensive, "Pricey", cancellationToken: Cancel);

        Assert.Equal(SubscriptionStatus.Active, canceled.Status);
        Assert.True(canceled.CancelAtPeriodEnd);
        Assert.Equal(Start.AddDays(5), canceled.CanceledAt);
        Assert.Equal(Start.AddDays(30), canceled.EndsAt);
        Assert.Null(canceled.EndedAt);
        Assert.Equal(CustomerCancellationReason.TooExpensive, canceled.CustomerCancellationReason);
        Assert.Equal("Pricey", canceled.CustomerCancellationComment);
        AssertWebhooks("subscription.updated", "subscription.canceled", "customer.state_changed");

        MoveTo(Start.AddDays(30));
        var ended = await RenewAsync(subscription.Id);

        Assert.Equal(SubscriptionStatus.Canceled, ended.Status);
        Assert.Equal(Start.AddDays(30), ended.EndedAt);
        var events = AssertWebhooks(
            "subscription.updated", "subscription.canceled", "subscription.revoked", "customer.state_changed",
            "benefit_grant.revoked", "customer.state_changed");
        Assert.True(((BenefitGrantRevokedWebhookEvent)events[4]).Data.IsRevoked);
        Assert.Single(await OrdersAsync(subscription.Id));
    }

    [Fact]
    public async Task Uncancel_takes_the_cancellation_back()
    {
        var subscription = await SubscribeWithFlagAsync();
        await Polar.Subscriptions.CancelAtPeriodEndAsync(subscription.Id, CustomerCancellationReason.Unused, cancellationToken: Cancel);
        TakeWebhooks();

        var uncanceled = await Polar.Subscriptions.UncancelAsync(subscription.Id, cancellationToken: Cancel);

        Assert.False(uncanceled.CancelAtPeriodEnd);
        Assert.Null(uncanceled.CanceledAt);
        Assert.Null(uncanceled.EndsAt);
        Assert.Null(uncanceled.CustomerCancellationReason);
        AssertWebhooks("subscription.updated", "subscription.uncanceled", "customer.state_changed");
    }

    [Fact]
    public async Task Uncancel_of_a_subscription_that_is_not_canceling_is_a_bad_request()
    {
        var subscription = await SubscribeWithFlagAsync();

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", """{"cancel_at_period_end":false}""");

        Assert.Equal(400, status);
        Assert.Equal("BadRequest", (string?)body!["error"]);
    }

    [Fact]
    public async Task Canceling_twice_is_403_already_canceled()
    {
        var subscription = await SubscribeWithFlagAsync();
        await Polar.Subscriptions.CancelAtPeriodEndAsync(subscription.Id, cancellationToken: Cancel);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", """{"cancel_at_period_end":true}""");

        Assert.Equal(403, status);
        Assert.Equal("AlreadyCanceledSubscription", (string?)body!["error"]);
        Assert.Equal("This subscription is already canceled or will be at the end of the period.", (string?)body["detail"]);
    }

    [Fact]
    public async Task Revoke_ends_the_subscription_now_and_revokes_its_benefits()
    {
        var subscription = await SubscribeWithFlagAsync();
        MoveTo(Start.AddDays(3));

        var revoked = await Polar.Subscriptions.RevokeAsync(subscription.Id, cancellationToken: Cancel);

        Assert.Equal(SubscriptionStatus.Canceled, revoked.Status);
        Assert.Equal(Start.AddDays(3), revoked.CanceledAt);
        Assert.Equal(Start.AddDays(3), revoked.EndsAt);
        Assert.Equal(Start.AddDays(3), revoked.EndedAt);
        Assert.False(revoked.CancelAtPeriodEnd);
        AssertWebhooks(
            "subscription.updated", "subscription.canceled", "subscription.revoked", "customer.state_changed",
            "benefit_grant.revoked", "customer.state_changed");
        var state = await Polar.Customers.GetStateAsync(subscription.CustomerId, cancellationToken: Cancel);
        Assert.Empty(state.ActiveSubscriptions);
        Assert.Empty(state.GrantedBenefits);
    }

    [Fact]
    public async Task Revoking_twice_is_403_already_canceled()
    {
        var subscription = await SubscribeWithFlagAsync();
        await Polar.Subscriptions.RevokeAsync(subscription.Id, cancellationToken: Cancel);

        var (status, body) = await SendAsync(HttpMethod.Delete, $"/v1/subscriptions/{subscription.Id}");

        Assert.Equal(403, status);
        Assert.Equal("AlreadyCanceledSubscription", (string?)body!["error"]);
    }

    [Fact]
    public async Task Revoke_with_a_reason_records_it()
    {
        var subscription = await SubscribeWithFlagAsync();

        var revoked = await Polar.Subscriptions.RevokeWithReasonAsync(subscription.Id, CustomerCancellationReason.SwitchedService, "Went elsewhere", cancellationToken: Cancel);

        Assert.Equal(SubscriptionStatus.Canceled, revoked.Status);
        Assert.Equal(CustomerCancellationReason.SwitchedService, revoked.CustomerCancellationReason);
        Assert.Equal("Went elsewhere", revoked.CustomerCancellationComment);
    }

    [Fact]
    public async Task A_canceling_subscription_cannot_change_product()
    {
        var subscription = await SubscribeWithFlagAsync();
        var other = await MonthlyAsync("Other", 4900);
        await Polar.Subscriptions.CancelAtPeriodEndAsync(subscription.Id, cancellationToken: Cancel);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", $$"""{"product_id":"{{other.Id}}"}""");

        Assert.Equal(403, status);
        Assert.Equal("AlreadyCanceledSubscription", (string?)body!["error"]);
    }

    [Fact]
    public async Task An_unknown_subscription_is_404()
    {
        var (status, body) = await SendAsync(HttpMethod.Delete, $"/v1/subscriptions/{Guid.NewGuid()}");

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }

    private async Task<Subscription> SubscribeWithFlagAsync()
    {
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync());
        return await SubscribeAsync(product);
    }
}
