using System.Net;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Lifecycle;

/// <summary>Cancel at period end, resume and revoke, through the app's endpoints and the emulator's clock.</summary>
public sealed class CancellationLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancel_at_period_end_keeps_access_until_the_period_ends_then_the_user_is_free()
    {
        await using var life = await LifecycleApp.StartAsync("cancel-user");
        await life.App.SubscribeAsync(life.UserId, "enterprise");
        var periodEnd = (await life.WaitForSubscriptionAsync(v => v.Str("status") == "active", "the subscription is active")).Time("currentPeriodEnd");
        life.App.AdvanceClock(TimeSpan.FromDays(10));

        using (var cancel = await life.Client.DeleteAsync("/api/billing/subscription/cancel", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        var canceled = await life.WaitForSubscriptionAsync(v => v.Flag("cancelAtPeriodEnd"), "the cancellation is visible");
        Assert.Equal("enterprise", canceled.Str("plan"));
        Assert.Equal("active", canceled.Str("status"));
        Assert.Equal(HttpStatusCode.OK, await life.GateAsync("enterprise"));

        life.AdvanceTo(periodEnd, -TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await life.GateAsync("enterprise"));

        life.AdvanceTo(periodEnd, TimeSpan.FromSeconds(1));

        await life.WaitForGateAsync("enterprise", HttpStatusCode.Forbidden, "access ends with the period");
        var denial = await life.DenialAsync("enterprise");
        Assert.Equal("enterprise", denial.Str("requiredPlan"));
        Assert.Equal("free", denial.Str("currentPlan"));
        Assert.Equal("/pricing", denial.Str("upgradeUrl"));
        await life.WaitForSubscriptionAsync(v => v.Str("plan") == "free", "the user is on the free plan");
        var orders = await life.WaitForOrdersAsync(list => list.Length == 1, "the payment history keeps the one order and gains no renewal");
        Assert.Equal(("paid", "subscription_create"), (orders[0].Str("status"), orders[0].Str("billingReason")));
    }

    [Fact]
    public async Task Resume_takes_the_cancellation_back_and_the_subscription_renews()
    {
        await using var life = await LifecycleApp.StartAsync("resume-user");
        await life.App.SubscribeAsync(life.UserId, "enterprise");
        var periodEnd = (await life.WaitForSubscriptionAsync(v => v.Str("status") == "active", "the subscription is active")).Time("currentPeriodEnd");
        life.App.AdvanceClock(TimeSpan.FromDays(3));
        using (var cancel = await life.Client.DeleteAsync("/api/billing/subscription/cancel", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        Assert.True((await life.SubscriptionAsync()).Flag("cancelAtPeriodEnd"), "The cancel endpoint projects Polar's answer at once.");
        life.App.AdvanceClock(TimeSpan.FromDays(1));
        using (var resume = await life.Client.PostAsync("/api/billing/subscription/resume", null, Ct))
        {
            Assert.True(resume.StatusCode == HttpStatusCode.OK, $"resume: {(int)resume.StatusCode} {await resume.Content.ReadAsStringAsync(Ct)}");
        }

        Assert.False((await life.SubscriptionAsync()).Flag("cancelAtPeriodEnd"), "The resume endpoint projects Polar's answer at once.");

        await life.WaitForSubscriptionAsync(v => !v.Flag("cancelAtPeriodEnd"), "the cancellation is taken back");
        using (var again = await life.Client.PostAsync("/api/billing/subscription/resume", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        life.AdvanceTo(periodEnd, TimeSpan.FromSeconds(1));

        await life.WaitForOrdersAsync(list => list.Count(o => o.Str("status") == "paid") == 2, "the renewal is charged");
        var renewed = await life.WaitForSubscriptionAsync(v => v.Time("currentPeriodEnd") > periodEnd, "the next period starts");
        Assert.Equal(("enterprise", "active"), (renewed.Str("plan"), renewed.Str("status")));
        Assert.Equal(HttpStatusCode.OK, await life.GateAsync("enterprise"));
    }

    [Fact]
    public async Task Revoking_ends_access_at_once()
    {
        await using var life = await LifecycleApp.StartAsync("revoke-user");
        await life.App.SubscribeAsync(life.UserId, "enterprise");
        await life.WaitForGateAsync("enterprise", HttpStatusCode.OK, "the subscription grants access");
        life.App.AdvanceClock(TimeSpan.FromDays(5));

        using (var revoke = await life.Client.DeleteAsync("/api/billing/subscription/cancel?immediately=true", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        // The endpoint projects Polar's answer at once: no clock move, and no wait for the webhook.
        Assert.Equal(HttpStatusCode.Forbidden, await life.GateAsync("enterprise"));
        Assert.Equal("free", (await life.SubscriptionAsync()).Str("plan"));
        var settled = await life.WaitForSubscriptionAsync(v => v.Str("plan") == "free", "the revocation's webhooks are projected");
        Assert.Equal(HttpStatusCode.Forbidden, await life.GateAsync("enterprise"));
        Assert.Equal("free", settled.Str("plan"));
    }
}
