using System.Net;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Endpoints;

/// <summary>
/// Upgrade, downgrade, cancel and resume through the endpoints, checked on the emulator's orders and subscriptions.
/// The emulator's clock is frozen, so each test lets a minute pass before a change, as real time would: Polar's
/// answer then carries a newer modified_at than the webhooks already projected, and is projected at once.
/// </summary>
public sealed class SubscriptionEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_subscription_the_plan_is_free_with_its_limits()
    {
        await using var app = await BillingTestApp.StartAsync();
        using var response = await app.ClientFor("nobody").GetAsync("/api/billing/subscription", Ct);
        var view = await response.ReadJsonAsync();
        Assert.Equal(("free", null, false), (view.Str("plan"), view.Str("subscriptionId"), view.GetProperty("cancelAtPeriodEnd").GetBoolean()));
        Assert.Equal(1, view.GetProperty("limits").GetProperty("agents").GetInt64());
    }

    [Fact]
    public async Task Upgrading_with_invoice_proration_charges_the_difference_now()
    {
        await using var app = await BillingTestApp.StartAsync();
        var subscriptionId = await PaidProAsync(app, "ivy");

        using var response = await app.ClientFor("ivy").PutJsonAsync("/api/billing/subscription/upgrade", new { plan = "enterprise" });
        var view = await response.ReadJsonAsync();
        Assert.Equal(("enterprise", subscriptionId), (view.Str("plan"), view.Str("subscriptionId")));

        var orders = await OrdersAsync(app, subscriptionId);
        var charge = Assert.Single(orders, o => o.BillingReason == OrderBillingReason.SubscriptionUpdate);
        Assert.Equal(TestPlans.EnterprisePrice - TestPlans.ProPrice, charge.SubtotalAmount);
    }

    [Fact]
    public async Task Upgrading_with_prorate_adds_the_difference_to_the_next_invoice()
    {
        await using var app = await BillingTestApp.StartAsync();
        var subscriptionId = await PaidProAsync(app, "jack");

        using var response = await app.ClientFor("jack").PutJsonAsync("/api/billing/subscription/upgrade", new { plan = "enterprise", proration = "prorate" });
        Assert.Equal("enterprise", (await response.ReadJsonAsync()).Str("plan"));
        Assert.DoesNotContain(await OrdersAsync(app, subscriptionId), o => o.BillingReason == OrderBillingReason.SubscriptionUpdate);

        app.AdvanceClock(TimeSpan.FromDays(31));
        var renewal = (await OrdersAsync(app, subscriptionId)).Where(o => o.BillingReason == OrderBillingReason.SubscriptionCycle).MaxBy(o => o.CreatedAt)!;
        Assert.Equal(TestPlans.EnterprisePrice + (TestPlans.EnterprisePrice - TestPlans.ProPrice), renewal.SubtotalAmount);
    }

    [Fact]
    public async Task Downgrading_takes_effect_at_the_next_period_by_default()
    {
        await using var app = await BillingTestApp.StartAsync();
        await app.SubscribeAsync("kate", "enterprise");
        var subscriptionId = (await app.WaitForSubscriptionsAsync("kate", s => s.Count == 1)).Single().Id;
        app.AdvanceClock(TimeSpan.FromMinutes(1));

        using var response = await app.ClientFor("kate").PutJsonAsync("/api/billing/subscription/downgrade", new { plan = "pro" });
        var view = await response.ReadJsonAsync();
        Assert.Equal(("enterprise", "pro"), (view.Str("plan"), view.Str("pendingPlan")));
        Assert.DoesNotContain(await OrdersAsync(app, subscriptionId), o => o.BillingReason == OrderBillingReason.SubscriptionUpdate);

        app.AdvanceClock(TimeSpan.FromDays(31));
        await app.WaitForSubscriptionsAsync("kate", s => s.Single().ProductId == app.Plans.ProId, "the pending downgrade applies at the renewal");
        var renewal = (await OrdersAsync(app, subscriptionId)).Where(o => o.BillingReason == OrderBillingReason.SubscriptionCycle).MaxBy(o => o.CreatedAt)!;
        Assert.Equal(TestPlans.ProPrice, renewal.SubtotalAmount);
        using var after = await app.ClientFor("kate").GetAsync("/api/billing/subscription", Ct);
        Assert.Equal("pro", (await after.ReadJsonAsync()).Str("plan"));
    }

    [Fact]
    public async Task Upgrade_and_downgrade_check_the_direction_by_rank()
    {
        await using var app = await BillingTestApp.StartAsync();
        await app.SubscribeAsync("liam", "pro");
        using var down = await app.ClientFor("liam").PutJsonAsync("/api/billing/subscription/downgrade", new { plan = "enterprise" });
        Assert.Equal("Not a downgrade.", (await down.ReadJsonAsync(HttpStatusCode.BadRequest)).Str("title"));
        using var same = await app.ClientFor("liam").PutJsonAsync("/api/billing/subscription/upgrade", new { plan = "pro" });
        Assert.Equal("Not an upgrade.", (await same.ReadJsonAsync(HttpStatusCode.BadRequest)).Str("title"));
        using var course = await app.ClientFor("liam").PutJsonAsync("/api/billing/subscription/upgrade", new { plan = "course" });
        Assert.Equal("Unknown plan.", (await course.ReadJsonAsync(HttpStatusCode.BadRequest)).Str("title"));
        using var proration = await app.ClientFor("liam").PutJsonAsync("/api/billing/subscription/upgrade", new { plan = "enterprise", proration = "whenever" });
        Assert.Equal("Unknown proration.", (await proration.ReadJsonAsync(HttpStatusCode.BadRequest)).Str("title"));
    }

    [Fact]
    public async Task Cancel_keeps_the_plan_until_period_end_resume_takes_it_back_and_resuming_twice_conflicts()
    {
        await using var app = await BillingTestApp.StartAsync();
        await app.SubscribeAsync("mia", "enterprise");
        var client = app.ClientFor("mia");
        app.AdvanceClock(TimeSpan.FromMinutes(1));

        using var cancel = await client.DeleteAsync("/api/billing/subscription/cancel", Ct);
        var canceled = await cancel.ReadJsonAsync();
        Assert.Equal(("enterprise", true), (canceled.Str("plan"), canceled.GetProperty("cancelAtPeriodEnd").GetBoolean()));
        Assert.True((await app.Polar.Subscriptions.GetAsync(canceled.Str("subscriptionId")!, cancellationToken: Ct)).CancelAtPeriodEnd);

        app.AdvanceClock(TimeSpan.FromMinutes(1));
        using var resume = await client.PostAsync("/api/billing/subscription/resume", null, Ct);
        Assert.False((await resume.ReadJsonAsync()).GetProperty("cancelAtPeriodEnd").GetBoolean());
        Assert.False((await app.Polar.Subscriptions.GetAsync(canceled.Str("subscriptionId")!, cancellationToken: Ct)).CancelAtPeriodEnd);

        using var again = await client.PostAsync("/api/billing/subscription/resume", null, Ct);
        Assert.Equal("Nothing to resume.", (await again.ReadJsonAsync(HttpStatusCode.Conflict)).Str("title"));
    }

    [Fact]
    public async Task Cancel_immediately_revokes_and_the_user_is_back_on_free()
    {
        await using var app = await BillingTestApp.StartAsync();
        await app.SubscribeAsync("noah", "pro");
        app.AdvanceClock(TimeSpan.FromMinutes(1));
        using var cancel = await app.ClientFor("noah").DeleteAsync("/api/billing/subscription/cancel?immediately=true", Ct);
        var view = await cancel.ReadJsonAsync();
        Assert.Equal("free", view.Str("plan"));
        var subscriptions = await app.Polar.Subscriptions.ListAsync(new SubscriptionListOptions { ExternalCustomerId = ["noah"] }, cancellationToken: Ct);
        Assert.Equal(SubscriptionStatus.Canceled, Assert.Single(subscriptions.Items).Status);

        using var nothing = await app.ClientFor("noah").DeleteAsync("/api/billing/subscription/cancel", Ct);
        await nothing.ReadJsonAsync(HttpStatusCode.Conflict);
    }

    /// <summary>Subscribes to pro and lets the 14-day trial end, so the first paid period starts now.</summary>
    private static async Task<string> PaidProAsync(BillingTestApp app, string userId)
    {
        await app.SubscribeAsync(userId, "pro");
        app.AdvanceClock(TimeSpan.FromDays(14));
        var subscriptions = await app.WaitForSubscriptionsAsync(userId, s => s.Any(x => x.Status == "active"), "the trial ends and the first period is paid");
        app.AdvanceClock(TimeSpan.FromMinutes(1));
        return subscriptions.Single().Id;
    }

    private static async Task<List<Order>> OrdersAsync(BillingTestApp app, string subscriptionId) =>
        (await app.Polar.Orders.ListAsync(new OrderListOptions { SubscriptionId = [subscriptionId] }, cancellationToken: Ct)).Items;
}
