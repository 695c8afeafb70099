using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Entitlements;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.Inbox;
using PolarBilling.Reconciliation;
using PolarBilling.Store;
using PolarBilling.Tests.Support;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Entitlements;

/// <summary>The store tells listeners which customers a commit changed, so cached entitlements are dropped at once.</summary>
public sealed class StoreChangeReportTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(BillingEvents.Epoch.AddDays(1));
    private readonly RecordingChangeListener _recorder = new();
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        _services = fixture.Database.CreateServices(_clock, s => EntitlementTestServices.Add(s, _recorder));
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Dispatcher_reports_the_customers_and_users_of_a_committed_batch()
    {
        var entitlements = _services.GetRequiredService<IEntitlements>();
        Assert.Equal("free", (await entitlements.GetAsync("user-1", Ct)).Plan.Key);

        await AppendAsync("wh_1", WebhookEventTypes.SubscriptionCreated, SubscriptionStatus.Active);
        Assert.Empty(_recorder.CustomerIds);
        await _services.GetRequiredService<IWebhookDispatcher>().DispatchPendingAsync(Ct);

        Assert.Contains("cus_1", _recorder.CustomerIds);
        Assert.Contains("user-1", _recorder.UserIds);
        Assert.Equal("pro", (await entitlements.GetAsync("user-1", Ct)).Plan.Key);
    }

    [Fact]
    public async Task A_later_change_invalidates_by_customer_id()
    {
        var entitlements = _services.GetRequiredService<IEntitlements>();
        await AppendAsync("wh_1", WebhookEventTypes.SubscriptionCreated, SubscriptionStatus.Active);
        await _services.GetRequiredService<IWebhookDispatcher>().DispatchPendingAsync(Ct);
        Assert.Equal("pro", (await entitlements.GetAsync("user-1", Ct)).Plan.Key);

        await AppendAsync("wh_2", WebhookEventTypes.SubscriptionRevoked, SubscriptionStatus.Canceled, userId: null, minutes: 5);
        await _services.GetRequiredService<IWebhookDispatcher>().DispatchPendingAsync(Ct);

        Assert.Equal("free", (await entitlements.GetAsync("user-1", Ct)).Plan.Key);
    }

    [Fact]
    public async Task Unit_of_work_commit_reports_changes_and_a_discarded_one_does_not()
    {
        await using (var discarded = await _services.GetRequiredService<IBillingUnitOfWorkFactory>().BeginAsync(Ct))
        {
            discarded.Add(new BillingCustomer { Id = "cus_9", UserId = "user-9" });
        }

        Assert.Empty(_recorder.CustomerIds);
        await using (var unit = await _services.GetRequiredService<IBillingUnitOfWorkFactory>().BeginAsync(Ct))
        {
            unit.Add(new BillingCustomer { Id = "cus_9", UserId = "user-9" });
            unit.Add(new BillingSubscription { Id = "sub_9", CustomerId = "cus_9", ProductId = EntitlementTestServices.ProProduct, Status = "active" });
            await unit.CommitAsync(Ct);
        }

        Assert.Equal(["cus_9"], _recorder.CustomerIds);
        Assert.Equal(["user-9"], _recorder.UserIds);
    }

    private Task<InboxAppendResult> AppendAsync(string webhookId, string type, SubscriptionStatus status, string? userId = "user-1", int minutes = 0)
    {
        var at = BillingEvents.Epoch.AddMinutes(minutes);
        var subscription = BillingEvents.Subscription("sub_1", "cus_1", EntitlementTestServices.ProProduct, status, at, userId);
        var body = BillingEvents.SubscriptionEvent(type, subscription, at).RawJson;
        return _services.GetRequiredService<IWebhookInbox>().AppendAsync(webhookId, System.Text.Encoding.UTF8.GetBytes(body), Ct);
    }
}
