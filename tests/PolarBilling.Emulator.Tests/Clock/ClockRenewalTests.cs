using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Clock;

/// <summary>What time causes to subscriptions: renewals, trial ends, pending plan changes, period-end cancellations.</summary>
public sealed class ClockRenewalTests : ClockTest
{
    [Fact]
    public async Task A_year_renews_twelve_times_with_an_order_each_month()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var advance = await AdvanceAsync(TimeSpan.FromDays(365));

        Assert.Equal(Enumerable.Repeat(("subscription.renewal", "active"), 12), Actions(advance));
        var expectedMoments = Enumerable.Range(1, 12).Select(m => Start.AddMonths(m)).ToList();
        Assert.Equal(expectedMoments, ActionTimes(advance));
        var orders = (await Polar.Orders.ListAsync(new OrderListOptions { SubscriptionId = [subscription.Id], Sorting = ["created_at"], Limit = 100 }, cancellationToken: Cancel)).Items;
        Assert.Equal(13, orders.Count);
        Assert.All(orders.Skip(1), o => Assert.Equal(OrderBillingReason.SubscriptionCycle, o.BillingReason));
        Assert.All(orders, o => Assert.Equal(OrderStatus.Paid, o.Status));
        Assert.Equal(expectedMoments, orders.Skip(1).Select(o => o.CreatedAt));
        var webhooks = TakeWebhooks();
        Assert.Equal(12, webhooks.OfType<SubscriptionCycledWebhookEvent>().Count());
        Assert.Equal(12, webhooks.OfType<OrderPaidWebhookEvent>().Count());
        Assert.Equal(webhooks.Count, advance["webhooks_queued"]!.GetValue<int>());
        var renewed = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(Start.AddMonths(12), renewed.CurrentPeriodStart);
        Assert.Equal(Start.AddMonths(13), renewed.CurrentPeriodEnd);
    }

    [Fact]
    public async Task A_trial_ends_with_the_first_charge_at_its_end()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900, trialDays: 14));
        Assert.Equal(SubscriptionStatus.Trialing, subscription.Status);

        var early = await AdvanceAsync(TimeSpan.FromDays(13));
        Assert.Empty(Actions(early));
        Assert.Single(await OrdersAsync(subscription.Id));

        var advance = await AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal([("subscription.trial_end", "active")], Actions(advance));
        Assert.Equal([Start.AddDays(14)], ActionTimes(advance));
        AssertWebhooks("subscription.cycled", "subscription.updated", "customer.state_changed", "order.created", "order.updated", "order.paid");
        var first = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal(2900, first.TotalAmount);
        Assert.Equal(OrderStatus.Paid, first.Status);
        Assert.Equal(Start.AddDays(14), first.CreatedAt);
    }

    [Fact]
    public async Task A_next_period_downgrade_applies_at_the_boundary()
    {
        var pro = await MonthlyAsync("Pro", 4900);
        var basic = await MonthlyAsync("Basic", 1900);
        var subscription = await SubscribeAsync(pro);
        await AdvanceAsync(TimeSpan.FromDays(10));
        await Polar.Subscriptions.ChangeProductAsync(subscription.Id, basic.Id, SubscriptionProrationBehavior.NextPeriod, cancellationToken: Cancel);
        TakeWebhooks();

        await AdvanceToAsync(Start.AddMonths(1).AddSeconds(-1));
        Assert.Equal(pro.Id, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel)).ProductId);

        var advance = await AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([("subscription.renewal", "active")], Actions(advance));
        var downgraded = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(basic.Id, downgraded.ProductId);
        Assert.Null(downgraded.PendingUpdate);
        Assert.Equal(1900, downgraded.Amount);
        var order = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal(1900, order.TotalAmount);
        Assert.Equal(basic.Id, order.ProductId);
    }

    [Fact]
    public async Task Cancel_at_period_end_keeps_the_subscription_until_the_boundary_then_ends_it()
    {
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync());
        var subscription = await SubscribeAsync(product);
        await Polar.Subscriptions.CancelAtPeriodEndAsync(subscription.Id, cancellationToken: Cancel);
        TakeWebhooks();

        var before = await AdvanceToAsync(Start.AddMonths(1).AddTicks(-10));
        Assert.Empty(Actions(before));
        Assert.Equal(SubscriptionStatus.Active, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel)).Status);

        var advance = await AdvanceAsync(TimeSpan.FromDays(40));

        Assert.Equal([("subscription.cancellation", "canceled")], Actions(advance));
        Assert.Equal([Start.AddMonths(1)], ActionTimes(advance));
        var ended = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(SubscriptionStatus.Canceled, ended.Status);
        Assert.Equal(Start.AddMonths(1), ended.EndedAt);
        var webhooks = TakeWebhooks();
        Assert.Contains(webhooks, w => w is SubscriptionRevokedWebhookEvent);
        Assert.Contains(webhooks, w => w is BenefitGrantRevokedWebhookEvent);
        Assert.DoesNotContain(webhooks, w => w is OrderCreatedWebhookEvent);
        Assert.Single(await OrdersAsync(subscription.Id));
    }

    [Fact]
    public async Task Usage_is_billed_at_period_end_as_the_ingested_quantity_times_the_unit_price()
    {
        var meter = await CountingMeterAsync("api_call");
        var product = await Polar.Products.CreateAsync(
            new ProductCreateRecurring
            {
                Name = "Metered",
                RecurringInterval = RecurringInterval.Month,
                Prices = [new ProductPriceFixedCreate { PriceAmount = 1000 }, new ProductPriceMeteredUnitCreate { MeterId = meter.Id, UnitAmount = 2.5m }],
            },
            cancellationToken: Cancel);
        var subscription = await SubscribeAsync(product);
        await AdvanceAsync(TimeSpan.FromDays(3));
        var calls = Enumerable.Range(0, 40).Select(i => (EventCreate)new EventCreateCustomer { CustomerId = subscription.CustomerId, Name = "api_call", ExternalId = $"call-{i}" }).ToList();
        await Polar.Events.IngestAsync(calls, cancellationToken: Cancel);

        await AdvanceToAsync(Start.AddMonths(1));

        var order = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal(OrderBillingReason.SubscriptionCycle, order.BillingReason);
        var metered = Assert.Single(order.Items, i => i.ProductPriceId == product.Prices.OfType<ProductPriceMeteredUnit>().Single().Id);
        Assert.Equal(40 * 250 / 100, metered.Amount);
        Assert.Equal(1000 + 100, order.SubtotalAmount);
    }
}
