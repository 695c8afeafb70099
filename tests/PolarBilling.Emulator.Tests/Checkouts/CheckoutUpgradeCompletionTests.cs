using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

/// <summary>
/// A checkout with <c>subscription_id</c> paid: the free subscription is upgraded in place (Polar's update branch of
/// <c>create_or_update_from_checkout</c>) and its first paid order is a <c>subscription_update</c>.
/// </summary>
public sealed class CheckoutUpgradeCompletionTests : CheckoutFlowTest
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paying_an_upgrade_checkout_moves_the_free_subscription_to_the_paid_product()
    {
        var (free, subscription) = await FreeSubscriptionAsync();
        var pro = await MonthlyProductAsync("Pro", 1500);
        Clock.Advance(TimeSpan.FromDays(10));
        var checkout = await CheckoutAsync(pro, c => c.SubscriptionId = subscription.Id);
        TakeWebhooks();

        var (status, body) = await CompleteAsync(checkout.Id);

        Assert.True(status == 200, body?.ToJsonString());
        var events = AssertWebhooks(
            "checkout.updated", "customer.updated", "customer.state_changed",
            "subscription.updated", "customer.state_changed",
            "order.created", "order.updated", "order.paid", "checkout.updated");
        Assert.Equal(subscription.Id, ((SubscriptionUpdatedWebhookEvent)events[3]).Data.Id);
        var upgraded = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(pro.Id, upgraded.ProductId);
        Assert.Equal(SubscriptionStatus.Active, upgraded.Status);
        Assert.Equal(1500, upgraded.Amount);
        Assert.Equal(checkout.Id, upgraded.CheckoutId);
        Assert.Equal(Clock.GetUtcNow(), upgraded.CurrentPeriodStart);
        Assert.Equal(Clock.GetUtcNow().AddMonths(1), upgraded.CurrentPeriodEnd);
        var all = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { CustomerId = [subscription.CustomerId] }, cancellationToken: Cancel);
        Assert.Equal(subscription.Id, Assert.Single(all.Items).Id);
        var order = ((OrderPaidWebhookEvent)events[7]).Data;
        Assert.Equal(OrderBillingReason.SubscriptionUpdate, order.BillingReason);
        Assert.Equal(subscription.Id, order.SubscriptionId);
        Assert.Equal(1500, order.TotalAmount);
        Assert.NotEqual(free.Id, order.ProductId);
    }

    [Fact]
    public async Task An_upgrade_with_a_trial_starts_trialing_and_bills_the_trial_line()
    {
        var (_, subscription) = await FreeSubscriptionAsync();
        var pro = await MonthlyProductAsync("Pro", 1500, trialDays: 7);
        var checkout = await CheckoutAsync(pro, c => c.SubscriptionId = subscription.Id);

        var order = await PayAsync(checkout);

        var upgraded = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(SubscriptionStatus.Trialing, upgraded.Status);
        Assert.Equal(Clock.GetUtcNow().AddDays(7), upgraded.TrialEnd);
        Assert.Equal(upgraded.TrialEnd, upgraded.CurrentPeriodEnd);
        Assert.Equal(OrderBillingReason.SubscriptionUpdate, order.BillingReason);
        Assert.Equal(0, order.TotalAmount);
    }

    [Fact]
    public async Task A_declined_card_leaves_the_free_subscription_as_it_was()
    {
        var (free, subscription) = await FreeSubscriptionAsync();
        var pro = await MonthlyProductAsync("Pro", 1500);
        var checkout = await CheckoutAsync(pro, c => c.SubscriptionId = subscription.Id);
        TakeWebhooks();

        var (status, _) = await CompleteAsync(checkout.Id, card: "4000000000000002");

        Assert.Equal(402, status);
        Assert.Empty(TakeWebhooks());
        var unchanged = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(free.Id, unchanged.ProductId);
        Assert.Equal(0, unchanged.Amount);
    }

    private async Task<(Product Free, Subscription Subscription)> FreeSubscriptionAsync()
    {
        var free = await MonthlyProductAsync("Free", 0);
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);
        var subscription = await Polar.Subscriptions.CreateAsync(new SubscriptionCreateCustomer { ProductId = free.Id, CustomerId = customer.Id }, cancellationToken: Cancel);
        return (free, subscription);
    }
}
