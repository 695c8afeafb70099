using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class SubscriptionCheckoutTests : CheckoutFlowTest
{
    [Fact]
    public async Task Paying_a_monthly_product_starts_the_subscription_and_bills_its_first_period()
    {
        var pro = await MonthlyProductAsync(amount: 1500);
        var checkout = await CheckoutAsync(pro, c => c.ExternalCustomerId = "user_7");
        TakeWebhooks();

        var (status, _) = await CompleteAsync(checkout.Id);

        Assert.Equal(200, status);
        var events = AssertWebhooks(
            "checkout.updated", "customer.created", "customer.state_changed",
            "subscription.created", "subscription.active", "subscription.updated", "customer.state_changed",
            "order.created", "order.updated", "order.paid", "checkout.updated");
        var subscription = ((SubscriptionCreatedWebhookEvent)events[3]).Data;
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal(checkout.Id, subscription.CheckoutId);
        Assert.Equal(1500, subscription.Amount);
        var order = ((OrderPaidWebhookEvent)events[9]).Data;
        Assert.Equal(OrderBillingReason.SubscriptionCreate, order.BillingReason);
        Assert.Equal(subscription.Id, order.SubscriptionId);
        Assert.Equal(1500, order.TotalAmount);
    }

    [Fact]
    public async Task A_trial_starts_trialing_and_its_first_order_is_a_paid_zero_with_the_trial_line()
    {
        var pro = await MonthlyProductAsync("Pro", 1500, trialDays: 14);
        var checkout = await CheckoutAsync(pro);

        var order = await PayAsync(checkout);

        var subscription = await Polar.Subscriptions.GetAsync(order.SubscriptionId!, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SubscriptionStatus.Trialing, subscription.Status);
        Assert.Equal(Clock.GetUtcNow().AddDays(14), subscription.TrialEnd);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(0, order.TotalAmount);
        var item = Assert.Single(order.Items);
        Assert.Equal("Trial period for Pro (Nov 2, 2026 - Nov 16, 2026)", item.Label);
        Assert.Null(item.ProductPriceId);
    }

    [Fact]
    public async Task A_customer_with_an_active_subscription_cannot_pay_for_a_second_one()
    {
        var pro = await MonthlyProductAsync();
        await BuyAsync(pro);
        var second = await CheckoutAsync(pro);

        var (status, body) = await CompleteAsync(second.Id);

        Assert.Equal(403, status);
        Assert.Equal("AlreadyActiveSubscriptionError", (string?)body!["error"]);
        Assert.All(TakeWebhooks(), e => Assert.Equal("checkout.created", e.Type));
    }

    [Fact]
    public async Task The_card_a_customer_paid_with_is_remembered_for_later_charges()
    {
        var pro = await MonthlyProductAsync();
        var order = await BuyAsync(pro);

        lock (Emulator.State.Gate)
        {
            Assert.Equal("4242424242424242", Emulator.State.Checkouts.Cards.CardOf(order.CustomerId)!.Number);
        }
    }
}
