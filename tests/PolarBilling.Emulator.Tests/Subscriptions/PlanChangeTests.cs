using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary>A $29 → $99 upgrade halfway through a 30-day month (Nov 2 → Dec 2, changed Nov 17) under each proration behaviour.</summary>
public sealed class PlanChangeTests : SubscriptionTest
{
    [Fact]
    public async Task Invoice_charges_the_prorated_difference_now_with_a_credit_and_a_debit_line()
    {
        var (subscription, pro) = await HalfwayAsync();

        var updated = await Polar.Subscriptions.ChangeProductAsync(subscription.Id, pro.Id, SubscriptionProrationBehavior.Invoice, cancellationToken: Cancel);

        Assert.Equal(pro.Id, updated.ProductId);
        Assert.Equal(9900, updated.Amount);
        Assert.Equal(Start.AddDays(30), updated.CurrentPeriodEnd);
        Assert.Null(updated.PendingUpdate);
        var events = AssertWebhooks("order.created", "order.updated", "order.paid", "subscription.updated", "customer.state_changed");
        var order = ((OrderPaidWebhookEvent)events[2]).Data;
        Assert.Equal(OrderBillingReason.SubscriptionUpdate, order.BillingReason);
        Assert.Equal(subscription.Id, order.SubscriptionId);
        Assert.Collection(
            order.Items,
            credit =>
            {
                Assert.Equal("Remaining time on Basic — From Nov 17, 2026 to Dec 2, 2026", credit.Label);
                Assert.Equal(-1450, credit.Amount);
                Assert.True(credit.Proration);
            },
            debit =>
            {
                Assert.Equal("Pro — From Nov 17, 2026 to Dec 2, 2026", debit.Label);
                Assert.Equal(4950, debit.Amount);
                Assert.True(debit.Proration);
            });
        Assert.Equal(3500, order.TotalAmount);
        Assert.Equal(pro.Id, ((SubscriptionUpdatedWebhookEvent)events[3]).Data.ProductId);
    }

    [Fact]
    public async Task Prorate_charges_nothing_now_and_bills_the_prorations_with_the_renewal()
    {
        var (subscription, pro) = await HalfwayAsync();

        var updated = await Polar.Subscriptions.ChangeProductAsync(subscription.Id, pro.Id, SubscriptionProrationBehavior.Prorate, cancellationToken: Cancel);

        Assert.Equal(pro.Id, updated.ProductId);
        AssertWebhooks("subscription.updated", "customer.state_changed");
        Assert.Single(await OrdersAsync(subscription.Id));
        lock (Emulator.State.Gate)
        {
            var pending = Emulator.State.Subscriptions.Ledger(subscription.Id).PendingEntries;
            Assert.Equal([-1450L, 4950L], pending.Select(e => e.SignedAmount));
        }

        MoveTo(Start.AddDays(30));
        await RenewAsync(subscription.Id);
        var renewal = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal(OrderBillingReason.SubscriptionCycle, renewal.BillingReason);
        Assert.Equal([-1450L, 4950L, 9900L], renewal.Items.Select(i => i.Amount));
        Assert.Equal("Pro — From Dec 2, 2026 to Jan 2, 2027", renewal.Items[2].Label);
        Assert.False(renewal.Items[2].Proration);
        Assert.Equal(13400, renewal.TotalAmount);
    }

    [Fact]
    public async Task Without_a_proration_behavior_the_organization_default_prorate_applies()
    {
        var (subscription, pro) = await HalfwayAsync();

        await Polar.Subscriptions.ChangeProductAsync(subscription.Id, pro.Id, cancellationToken: Cancel);

        AssertWebhooks("subscription.updated", "customer.state_changed");
        lock (Emulator.State.Gate)
        {
            Assert.Equal(2, Emulator.State.Subscriptions.Ledger(subscription.Id).PendingEntries.Count);
        }
    }

    [Fact]
    public async Task Next_period_shows_a_pending_update_and_switches_at_the_renewal_without_proration()
    {
        var (subscription, pro) = await HalfwayAsync();

        var updated = await Polar.Subscriptions.ChangeProductAsync(subscription.Id, pro.Id, SubscriptionProrationBehavior.NextPeriod, cancellationToken: Cancel);

        Assert.Equal(subscription.ProductId, updated.ProductId);
        Assert.Equal(2900, updated.Amount);
        Assert.NotNull(updated.PendingUpdate);
        Assert.Equal(pro.Id, updated.PendingUpdate.ProductId);
        Assert.Equal(Start.AddDays(30), updated.PendingUpdate.AppliesAt);
        Assert.Null(updated.PendingUpdate.Seats);
        AssertWebhooks("subscription.updated", "customer.state_changed");

        MoveTo(Start.AddDays(30));
        var renewed = await RenewAsync(subscription.Id);

        Assert.Equal(pro.Id, renewed.ProductId);
        Assert.Equal(9900, renewed.Amount);
        Assert.Null(renewed.PendingUpdate);
        var renewal = (await OrdersAsync(subscription.Id))[^1];
        var line = Assert.Single(renewal.Items);
        Assert.Equal("Pro — From Dec 2, 2026 to Jan 2, 2027", line.Label);
        Assert.Equal(9900, renewal.TotalAmount);
    }

    [Fact]
    public async Task A_pending_update_is_cleared_with_pending_update_null()
    {
        var (subscription, pro) = await HalfwayAsync();
        await Polar.Subscriptions.ChangeProductAsync(subscription.Id, pro.Id, SubscriptionProrationBehavior.NextPeriod, cancellationToken: Cancel);
        TakeWebhooks();

        var cleared = await Polar.Subscriptions.ClearPendingUpdateAsync(subscription.Id, cancellationToken: Cancel);

        Assert.Null(cleared.PendingUpdate);
        AssertWebhooks("subscription.updated", "customer.state_changed");
        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", """{"pending_update":null}""");
        Assert.Equal(422, status);
        Assert.Equal("This subscription has no pending update to clear.", (string?)body!["detail"]![0]!["msg"]);
    }

    [Fact]
    public async Task A_refused_card_answers_402_and_leaves_the_subscription_unchanged()
    {
        var (subscription, pro) = await HalfwayAsync();
        lock (Emulator.State.Gate)
        {
            Emulator.State.Checkouts.Cards.Set(subscription.CustomerId, "4000000000000002");
        }

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", $$"""{"product_id":"{{pro.Id}}","proration_behavior":"invoice"}""");

        Assert.Equal(402, status);
        Assert.Equal("PaymentFailed", (string?)body!["error"]);
        Assert.Equal(subscription.ProductId, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel)).ProductId);
        Assert.Empty(TakeWebhooks());
    }

    [Fact]
    public async Task A_downgrade_under_invoice_credits_more_than_it_debits()
    {
        var pro = await MonthlyAsync("Pro", 9900);
        var basic = await MonthlyAsync("Basic", 2900);
        var subscription = await SubscribeAsync(pro);
        MoveTo(Start.AddDays(10));

        await Polar.Subscriptions.ChangeProductAsync(subscription.Id, basic.Id, SubscriptionProrationBehavior.Invoice, cancellationToken: Cancel);

        var order = (await OrdersAsync(subscription.Id))[^1];

        // 20 of 30 days left: credit round(9900 × 2/3) = 6600, debit round(2900 × 2/3) = 1933.
        Assert.Equal([-6600L, 1933L], order.Items.Select(i => i.Amount));
        Assert.Equal(-4667, order.SubtotalAmount);
    }

    private async Task<(Subscription Subscription, Product Pro)> HalfwayAsync()
    {
        var basic = await MonthlyAsync("Basic", 2900);
        var pro = await MonthlyAsync("Pro", 9900);
        var subscription = await SubscribeAsync(basic);
        MoveTo(Start.AddDays(15));
        return (subscription, pro);
    }
}
