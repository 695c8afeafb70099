using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary>The end of a period: <c>subscription.cycled</c> before the renewal order, trials converting, usage billed, refused cards.</summary>
public sealed class RenewalTests : SubscriptionTest
{
    [Fact]
    public async Task A_renewal_sends_cycled_before_the_order_and_cycles_the_benefits()
    {
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync());
        var subscription = await SubscribeAsync(product);
        MoveTo(Start.AddDays(30));

        var renewed = await RenewAsync(subscription.Id);

        Assert.Equal(Start.AddDays(30), renewed.CurrentPeriodStart);
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 9, 0, 0, TimeSpan.Zero), renewed.CurrentPeriodEnd);
        var events = AssertWebhooks(
            "subscription.cycled", "subscription.updated", "customer.state_changed",
            "order.created", "order.updated", "order.paid", "benefit_grant.cycled", "customer.state_changed");
        Assert.Equal(renewed.CurrentPeriodEnd, ((SubscriptionCycledWebhookEvent)events[0]).Data.CurrentPeriodEnd);
        var order = ((OrderPaidWebhookEvent)events[5]).Data;
        Assert.Equal(OrderBillingReason.SubscriptionCycle, order.BillingReason);
        Assert.Equal("Basic — From Dec 2, 2026 to Jan 2, 2027", Assert.Single(order.Items).Label);
        Assert.Equal(2900, order.TotalAmount);
    }

    [Fact]
    public async Task Periods_keep_their_anchor_day_through_short_months()
    {
        MoveTo(new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero));
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 12, 0, 0, TimeSpan.Zero), subscription.CurrentPeriodEnd);

        MoveTo(subscription.CurrentPeriodEnd);
        var renewed = await RenewAsync(subscription.Id);

        Assert.Equal(new DateTimeOffset(2027, 3, 31, 12, 0, 0, TimeSpan.Zero), renewed.CurrentPeriodEnd);
    }

    [Fact]
    public async Task A_trial_converts_to_active_at_its_end_and_bills_the_first_period()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900, trialDays: 14));
        Assert.Equal(SubscriptionStatus.Trialing, subscription.Status);
        MoveTo(Start.AddDays(14));

        var active = await RenewAsync(subscription.Id);

        Assert.Equal(SubscriptionStatus.Active, active.Status);
        Assert.Equal(Start.AddDays(14), active.CurrentPeriodStart);
        Assert.Equal(new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero), active.CurrentPeriodEnd);
        AssertWebhooks("subscription.cycled", "subscription.updated", "customer.state_changed", "order.created", "order.updated", "order.paid");
        Assert.Equal(2900, (await OrdersAsync(subscription.Id))[^1].TotalAmount);
    }

    [Fact]
    public async Task Ending_a_trial_now_starts_the_first_period_at_once()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900, trialDays: 14));
        MoveTo(Start.AddDays(3));

        var active = await Polar.Subscriptions.EndTrialAsync(subscription.Id, cancellationToken: Cancel);

        Assert.Equal(SubscriptionStatus.Active, active.Status);
        Assert.Equal(Start.AddDays(3), active.TrialEnd);
        Assert.Equal(Start.AddDays(3), active.CurrentPeriodStart);
        AssertWebhooks("subscription.cycled", "subscription.updated", "customer.state_changed", "order.created", "order.updated", "order.paid");
    }

    [Fact]
    public async Task A_refused_card_at_renewal_leaves_the_order_pending_and_the_subscription_past_due()
    {
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync());
        var subscription = await SubscribeAsync(product);
        lock (Emulator.State.Gate)
        {
            Emulator.State.Checkouts.Cards.Set(subscription.CustomerId, "4000000000009995");
        }

        MoveTo(Start.AddDays(30));
        await RenewAsync(subscription.Id);

        AssertWebhooks(
            "subscription.cycled", "subscription.updated", "customer.state_changed", "order.created",
            "subscription.updated", "subscription.past_due", "customer.state_changed", "benefit_grant.revoked", "customer.state_changed");
        var pastDue = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(SubscriptionStatus.PastDue, pastDue.Status);
        Assert.Equal(Start.AddDays(30), pastDue.PastDueAt);
        Assert.Equal(OrderStatus.Pending, (await OrdersAsync(subscription.Id))[^1].Status);
    }

    [Fact]
    public async Task A_past_due_subscription_paid_later_is_active_again_with_its_benefits()
    {
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync()));
        lock (Emulator.State.Gate)
        {
            Emulator.State.Checkouts.Cards.Set(subscription.CustomerId, "4000000000000002");
        }

        MoveTo(Start.AddDays(30));
        await RenewAsync(subscription.Id);
        TakeWebhooks();
        lock (Emulator.State.Gate)
        {
            PolarBilling.Emulator.Subscriptions.SubscriptionPayments.MarkActive(Emulator.State, Emulator.State.Subscriptions.Get(subscription.Id));
        }

        AssertWebhooks("subscription.updated", "subscription.active", "customer.state_changed", "benefit_grant.created", "customer.state_changed");
        var active = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(SubscriptionStatus.Active, active.Status);
        Assert.Null(active.PastDueAt);
    }

    [Fact]
    public async Task Metered_usage_of_the_period_is_billed_at_the_renewal()
    {
        var meter = await CountingMeterAsync("api");
        var json = new JsonObject
        {
            ["name"] = "Usage",
            ["recurring_interval"] = "month",
            ["prices"] = new JsonArray(
                new JsonObject { ["amount_type"] = "fixed", ["price_amount"] = 1000 },
                new JsonObject { ["amount_type"] = "metered_unit", ["meter_id"] = meter.Id, ["unit_amount"] = "2.5" }),
        };
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", json.ToJsonString());
        Assert.Equal(201, status);
        var subscription = await SubscribeAsync(Client.Serialization.PolarJson.Deserialize<Product>(body!.ToJsonString()));
        MoveTo(Start.AddDays(10));
        var events = new JsonArray();
        for (var i = 0; i < 7; i++)
        {
            events.Add(new JsonObject { ["name"] = "api", ["customer_id"] = subscription.CustomerId });
        }

        Assert.Equal(200, (await SendAsync(HttpMethod.Post, "/v1/events/ingest", new JsonObject { ["events"] = events }.ToJsonString())).Status);
        var midway = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(7, Assert.Single(midway.Meters).ConsumedUnits);
        Assert.Equal(18, midway.Meters[0].Amount);

        MoveTo(Start.AddDays(30));
        await RenewAsync(subscription.Id);

        var order = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal([1000L, 18L], order.Items.Select(i => i.Amount));
        Assert.Equal("api calls — (7 consumed units) × $0.025", order.Items[1].Label);
        Assert.Equal(0, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel)).Meters[0].ConsumedUnits);
    }

    [Fact]
    public async Task Only_active_subscriptions_renew()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await Polar.Subscriptions.RevokeAsync(subscription.Id, cancellationToken: Cancel);

        var (status, body) = await SendAsync(HttpMethod.Post, $"/emulator/subscriptions/{subscription.Id}/renew");

        Assert.Equal(403, status);
        Assert.Equal("InactiveSubscription", (string?)body!["error"]);
        Assert.Equal(404, (await SendAsync(HttpMethod.Post, $"/emulator/subscriptions/{Guid.NewGuid()}/renew")).Status);
    }
}
