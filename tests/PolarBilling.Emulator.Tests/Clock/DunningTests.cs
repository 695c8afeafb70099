using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Clock;

/// <summary>A renewal the card refuses: past due, retries at +2, +7, +14 and +21 days, then revocation or recovery.</summary>
public sealed class DunningTests : ClockTest
{
    private const string FailsLater = "4000000000000341";

    [Fact]
    public async Task Failed_renewal_is_retried_on_Polars_schedule_then_the_subscription_is_revoked()
    {
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync());
        var subscription = await SubscribeWithFailingCardAsync(product);
        var renewal = Start.AddMonths(1);

        var first = await AdvanceToAsync(renewal);
        Assert.Equal([("subscription.renewal", "past_due")], Actions(first));
        var pastDue = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(SubscriptionStatus.PastDue, pastDue.Status);
        Assert.Equal(renewal, pastDue.PastDueAt);
        var order = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(renewal.AddDays(2), order.NextPaymentAttemptAt);
        var webhooks = TakeWebhooks();
        Assert.Contains(webhooks, w => w is SubscriptionPastDueWebhookEvent);
        Assert.Contains(webhooks, w => w is BenefitGrantRevokedWebhookEvent);

        var retries = await AdvanceAsync(TimeSpan.FromDays(30));

        Assert.Equal(
            [("order.payment_retry", "retry_scheduled"), ("order.payment_retry", "retry_scheduled"), ("order.payment_retry", "retry_scheduled"), ("order.payment_retry", "revoked")],
            Actions(retries));
        Assert.Equal([renewal.AddDays(2), renewal.AddDays(7), renewal.AddDays(14), renewal.AddDays(21)], ActionTimes(retries));
        var revoked = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(SubscriptionStatus.Canceled, revoked.Status);
        Assert.Equal(renewal.AddDays(21), revoked.EndedAt);
        var voided = await Polar.Orders.GetAsync(order.Id, cancellationToken: Cancel);
        Assert.Equal(OrderStatus.Void, voided.Status);
        Assert.Null(voided.NextPaymentAttemptAt);
        var types = TakeWebhooks().Select(w => w.Type).ToList();
        Assert.Equal(["subscription.updated", "subscription.canceled", "subscription.revoked"], types.Where(t => t.StartsWith("subscription.", StringComparison.Ordinal)));
        Assert.Equal("order.updated", types[^1]);
        Assert.DoesNotContain("order.paid", types);
    }

    [Fact]
    public async Task A_retry_after_the_card_is_fixed_recovers_the_subscription()
    {
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync());
        var subscription = await SubscribeWithFailingCardAsync(product);
        var renewal = Start.AddMonths(1);
        await AdvanceToAsync(renewal.AddDays(3));
        var order = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal(renewal.AddDays(7), order.NextPaymentAttemptAt);
        SetSavedCard(subscription.CustomerId, "4242424242424242");
        TakeWebhooks();

        var advance = await AdvanceToAsync(renewal.AddDays(8));

        Assert.Equal([("order.payment_retry", "paid")], Actions(advance));
        Assert.Equal([renewal.AddDays(7)], ActionTimes(advance));
        AssertRecovered(subscription.Id, order.Id, TakeWebhooks());
        Assert.Equal(SubscriptionStatus.Active, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel)).Status);
    }

    [Fact]
    public async Task Replacing_the_card_through_the_control_api_pays_the_past_due_order_at_once()
    {
        var subscription = await SubscribeWithFailingCardAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));
        await AdvanceToAsync(Start.AddMonths(1));
        var order = (await OrdersAsync(subscription.Id))[^1];
        TakeWebhooks();

        var (status, body) = await SendAsync(HttpMethod.Put, $"/emulator/customers/{subscription.CustomerId}/card", new JsonObject { ["card"] = "4242424242424242" }.ToJsonString());

        Assert.True(status == 200, body?.ToJsonString());
        var paid = await Polar.Orders.GetAsync(order.Id, cancellationToken: Cancel);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Null(paid.NextPaymentAttemptAt);
        Assert.Equal(SubscriptionStatus.Active, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel)).Status);
        AssertRecovered(subscription.Id, order.Id, TakeWebhooks());
        Assert.Empty(Actions(await AdvanceAsync(TimeSpan.FromDays(25))));
    }

    [Fact]
    public async Task A_replacement_card_that_also_fails_keeps_the_schedule()
    {
        var subscription = await SubscribeWithFailingCardAsync(await MonthlyAsync("Basic", 2900));
        await AdvanceToAsync(Start.AddMonths(1));
        var order = (await OrdersAsync(subscription.Id))[^1];

        var (status, _) = await SendAsync(HttpMethod.Put, $"/emulator/customers/{subscription.CustomerId}/card", new JsonObject { ["card"] = FailsLater }.ToJsonString());

        Assert.Equal(200, status);
        var still = await Polar.Orders.GetAsync(order.Id, cancellationToken: Cancel);
        Assert.Equal(OrderStatus.Pending, still.Status);
        Assert.Equal(Start.AddMonths(1).AddDays(2), still.NextPaymentAttemptAt);
    }

    // Pays the first period with a good card, then swaps in one whose later charges are declined.
    private async Task<Subscription> SubscribeWithFailingCardAsync(Product product)
    {
        var subscription = await SubscribeAsync(product);
        var (status, body) = await SendAsync(HttpMethod.Put, $"/emulator/customers/{subscription.CustomerId}/card", new JsonObject { ["card"] = FailsLater }.ToJsonString());
        Assert.True(status == 200, body?.ToJsonString());
        return subscription;
    }

    private static void AssertRecovered(string subscriptionId, string orderId, IReadOnlyList<PolarWebhookEvent> webhooks)
    {
        var types = webhooks.Select(w => w.Type).ToList();
        Assert.Equal(["order.updated", "order.paid", "subscription.updated", "subscription.active"], types.Where(t => t.StartsWith("order.", StringComparison.Ordinal) || t is "subscription.updated" or "subscription.active"));
        Assert.Equal(orderId, webhooks.OfType<OrderPaidWebhookEvent>().Single().Data.Id);
        Assert.Equal(subscriptionId, webhooks.OfType<SubscriptionActiveWebhookEvent>().Single().Data.Id);
        Assert.Contains(webhooks, w => w is BenefitGrantCreatedWebhookEvent or BenefitGrantUpdatedWebhookEvent);
    }

    // Swaps the saved card without the immediate retry a card replacement makes, to test the scheduled retry.
    private void SetSavedCard(string customerId, string number)
    {
        lock (Emulator.State.Gate)
        {
            Emulator.State.Checkouts.Cards.Set(customerId, number);
        }
    }
}
