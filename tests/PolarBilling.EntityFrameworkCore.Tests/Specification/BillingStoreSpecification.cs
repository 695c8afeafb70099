using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.Inbox;
using PolarBilling.Notifications;
using PolarBilling.Tests.Support;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Specification;

/// <summary>
/// The store specification: every behaviour the billing store promises, run once per provider by a subclass
/// (<see cref="SqliteBillingStoreTests"/>, <see cref="PostgreSqlBillingStoreTests"/>) on its own migrated database.
/// </summary>
public abstract partial class BillingStoreSpecification(StoreDatabase database) : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(BillingEvents.Epoch.AddDays(1));

    protected StoreDatabase Database => database;

    protected ServiceProvider Services { get; private set; } = null!;

    protected IWebhookInbox Inbox => Services.GetRequiredService<IWebhookInbox>();

    protected IWebhookDispatcher Dispatcher => Services.GetRequiredService<IWebhookDispatcher>();

    protected INotificationDispatcher Notifications => Services.GetRequiredService<INotificationDispatcher>();

    protected RecordingHandler Handler { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        Services = CreateServices();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected ServiceProvider CreateServices() => database.CreateServices(Clock, s =>
    {
        s.AddSingleton(Handler);
        s.AddScoped<IBillingNotificationHandler>(sp => sp.GetRequiredService<RecordingHandler>());
    });

    protected Task<InboxAppendResult> AppendAsync(DeliveredEvent e, IWebhookInbox? inbox = null) =>
        (inbox ?? Inbox).AppendAsync(e.WebhookId, Encoding.UTF8.GetBytes(e.Event.RawJson), Ct);

    protected Task<InboxAppendResult> AppendAsync(string webhookId, string body) => Inbox.AppendAsync(webhookId, Encoding.UTF8.GetBytes(body), Ct);

    protected async Task<int> DispatchAllAsync(IWebhookDispatcher? dispatcher = null)
    {
        var total = 0;
        int claimed;
        while ((claimed = await (dispatcher ?? Dispatcher).DispatchPendingAsync(Ct)) > 0)
        {
            total += claimed;
        }

        return total;
    }

    protected async Task<T> QueryAsync<T>(Func<PolarBillingDbContext, Task<T>> query)
    {
        await using var context = await database.CreateContextAsync(Services);
        return await query(context);
    }

    protected Task<WebhookInboxEntry> EntryAsync(string webhookId) =>
        QueryAsync(c => c.WebhookEvents.AsNoTracking().SingleAsync(e => e.WebhookId == webhookId, Ct));

    protected Task<string> DescribeStateAsync() => QueryAsync(async c => BillingState.Describe(
        await c.Customers.AsNoTracking().ToListAsync(Ct), await c.Subscriptions.AsNoTracking().ToListAsync(Ct),
        await c.Orders.AsNoTracking().ToListAsync(Ct), await c.BenefitGrants.AsNoTracking().ToListAsync(Ct)));

    protected Task<string[]> EventDrivenKeysAsync() => QueryAsync(async c =>
        (await c.Notifications.AsNoTracking().ToListAsync(Ct)).Where(n => BillingState.IsEventDriven(n.Kind)).Select(n => n.Key).Order(StringComparer.Ordinal).ToArray());

    /// <summary>Projects a history in order in memory: the state every delivery order must reach.</summary>
    protected static InMemoryBillingStore ProjectInOrder(IEnumerable<DeliveredEvent> history)
    {
        var store = new InMemoryBillingStore();
        var projector = new Projection.BillingProjector();
        foreach (var e in history)
        {
            projector.ApplyAsync(e.Event, e.WebhookId, store).GetAwaiter().GetResult();
        }

        return store;
    }
}
