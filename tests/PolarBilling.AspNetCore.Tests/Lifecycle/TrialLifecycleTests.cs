using System.Net;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Lifecycle;

/// <summary>A 14-day trial through the app's endpoints and the emulator's clock.</summary>
public sealed class TrialLifecycleTests
{
    [Fact]
    public async Task A_trial_grants_the_plan_at_once_and_the_first_charge_comes_at_day_14()
    {
        await using var life = await LifecycleApp.StartAsync("trial-user");
        var start = life.App.Emulator.Now;

        await life.App.SubscribeAsync(life.UserId, "pro");

        var trialing = await life.WaitForSubscriptionAsync(v => v.Str("status") == "trialing", "the trial is projected");
        Assert.Equal("pro", trialing.Str("plan"));
        var trialEnd = trialing.Time("trialEnd");
        Assert.InRange(trialEnd - start, TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        Assert.Contains("api-access", trialing.Strings("features"));
        Assert.Equal(HttpStatusCode.OK, await life.GateAsync("pro"));
        Assert.Equal(HttpStatusCode.Forbidden, await life.GateAsync("enterprise"));
        Assert.All(await life.OrdersAsync(), o => Assert.Equal(0, o.GetProperty("total").GetInt64()));

        // The last second of the trial: still free of charge, still access.
        life.AdvanceTo(trialEnd, -TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await life.GateAsync("pro"));
        Assert.Equal("trialing", (await life.SubscriptionAsync()).Str("status"));
        Assert.All(await life.OrdersAsync(), o => Assert.Equal(0, o.GetProperty("total").GetInt64()));

        life.AdvanceTo(trialEnd, TimeSpan.FromSeconds(1));

        var orders = await life.WaitForOrdersAsync(
            list => list.Any(o => o.GetProperty("total").GetInt64() == 2900 && o.Str("status") == "paid"), "the first charge after the trial is paid");
        var charge = orders.Single(o => o.GetProperty("total").GetInt64() == 2900);
        Assert.Equal("subscription_cycle", charge.Str("billingReason"));
        Assert.Equal("usd", charge.Str("currency"));
        var active = await life.WaitForSubscriptionAsync(v => v.Str("status") == "active", "the subscription is active after the trial");
        Assert.Equal("pro", active.Str("plan"));
        Assert.True(active.Time("currentPeriodEnd") > trialEnd.AddDays(27), "A new monthly period starts at the trial's end.");
        Assert.Equal(HttpStatusCode.OK, await life.GateAsync("pro"));
    }
}
