using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Entitlements;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.Inbox;
using PolarBilling.Tests.Support;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Entitlements;

/// <summary>Two app instances on one PostgreSQL database: a change projected by one drops the other's cache through NOTIFY.</summary>
public sealed class CrossInstanceInvalidationTests(PostgreSqlFixture fixture) : IClassFixture<PostgreSqlFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_projected_by_one_instance_invalidates_the_other_within_a_second()
    {
        await fixture.Database.ResetAsync();
        var clock = new FakeTimeProvider(BillingEvents.Epoch.AddDays(1));
        var recorder = new RecordingChangeListener();
        await using var first = fixture.Database.CreateServices(clock, s => EntitlementTestServices.Add(s));
        await using var second = fixture.Database.CreateServices(clock, s => EntitlementTestServices.Add(s, recorder));
        var listener = second.GetServices<IHostedService>().OfType<BillingChangeListener<PostgreSqlBillingDbContext>>().Single();
        await listener.StartAsync(Ct);
        await listener.Listening.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(1, recorder.Missed); // a fresh LISTEN: whatever was cached before is dropped

        var cache = second.GetRequiredService<IEntitlements>();
        Assert.Equal("free", (await cache.GetAsync("user-1", Ct)).Plan.Key);

        // Instance 1 projects the new subscription: instance 2 learns the user id (it had no customer yet).
        await ProjectOnAsync(first, "wh_1", WebhookEventTypes.SubscriptionCreated, SubscriptionStatus.Active, "user-1", 0);
        Assert.Equal("pro", await PlanWithinAsync(cache, "pro"));
        Assert.Contains("user-1", recorder.UserIds);

        // Instance 1 revokes it: instance 2 now knows the customer and drops the user's entry by customer id.
        await ProjectOnAsync(first, "wh_2", WebhookEventTypes.SubscriptionRevoked, SubscriptionStatus.Canceled, null, 5);
        Assert.Equal("free", await PlanWithinAsync(cache, "free"));
        Assert.Contains("cus_1", recorder.CustomerIds);

        await listener.StopAsync(Ct);
    }

    private static async Task ProjectOnAsync(IServiceProvider instance, string webhookId, string type, SubscriptionStatus status, string? userId, int minutes)
    {
        var at = BillingEvents.Epoch.AddMinutes(minutes);
        var body = BillingEvents.SubscriptionEvent(type, BillingEvents.Subscription("sub_1", "cus_1", EntitlementTestServices.ProProduct, status, at, userId), at).RawJson;
        await instance.GetRequiredService<IWebhookInbox>().AppendAsync(webhookId, System.Text.Encoding.UTF8.GetBytes(body), Ct);
        Assert.Equal(1, await instance.GetRequiredService<IWebhookDispatcher>().DispatchPendingAsync(Ct));
    }

    /// <summary>Polls the other instance's cache until it shows <paramref name="expected"/>, failing after a second.</summary>
    private static async Task<string> PlanWithinAsync(IEntitlements cache, string expected)
    {
        var watch = Stopwatch.StartNew();
        string plan;
        do
        {
            plan = (await cache.GetAsync("user-1", Ct)).Plan.Key;
            if (plan == expected)
            {
                return plan;
            }

            await Task.Delay(10, Ct);
        }
        while (watch.Elapsed < Within);
        return plan;
    }
}
