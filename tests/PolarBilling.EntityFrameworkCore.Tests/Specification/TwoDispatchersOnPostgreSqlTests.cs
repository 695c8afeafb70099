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

/// <summary>Two app instances (separate service providers and pools) work one PostgreSQL inbox of 10,000 events.</summary>
public sealed class TwoDispatchersOnPostgreSqlTests(PostgreSqlFixture fixture) : IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task Two_dispatchers_apply_ten_thousand_events_exactly_once_and_lose_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(BillingEvents.Epoch.AddDays(1));
        var random = new Random(7);
        var customers = Enumerable.Range(0, 1400).Select(_ => Enumerable.Range(0, 6).Select(_ => random.Next(BillingHistory.StepKinds)).ToArray()).ToList();
        var history = BillingHistory.Build(customers, "t").Take(10_000).ToList();
        Assert.Equal(10_000, history.Count);
        var handler = new CountingHandler();
        await using var first = Instance(clock, handler);
        await using var second = Instance(clock, handler);

        // Both instances receive (each delivery once, some redelivered to the other), both dispatch meanwhile.
        var receive = Task.Run(async () =>
        {
            foreach (var chunk in history.Chunk(500))
            {
                await Task.WhenAll(chunk.Select((e, i) => (i % 2 == 0 ? first : second).GetRequiredService<IWebhookInbox>()
                    .AppendAsync(e.WebhookId, Encoding.UTF8.GetBytes(e.Event.RawJson), ct)));
                await second.GetRequiredService<IWebhookInbox>().AppendAsync(chunk[0].WebhookId, Encoding.UTF8.GetBytes(chunk[0].Event.RawJson), ct);
            }
        }, ct);
        var dispatchers = new[] { first, second }.Select(p => Task.Run(() => DrainAsync(p, receive, ct), ct)).ToArray();
        await receive;
        await Task.WhenAll(dispatchers);

        await using var context = await fixture.Database.CreateContextAsync(first);
        var statuses = await context.WebhookEvents.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Assert.Equal(10_000, await context.WebhookEvents.CountAsync(ct));
        Assert.Equal(10_000, statuses.Where(s => s.Key is WebhookEventStatus.Processed or WebhookEventStatus.Ignored).Sum(s => s.Count));

        var expected = ProjectInOrder(history);
        var state = BillingState.Describe(
            await context.Customers.AsNoTracking().ToListAsync(ct), await context.Subscriptions.AsNoTracking().ToListAsync(ct),
            await context.Orders.AsNoTracking().ToListAsync(ct), await context.BenefitGrants.AsNoTracking().ToListAsync(ct));
        Assert.Equal(BillingState.DescribeInMemory(expected), state);

        var expectedKeys = expected.Notifications.Values.Where(n => BillingState.IsEventDriven(n.Kind)).Select(n => n.Key).ToHashSet();
        Assert.Superset(expectedKeys, handler.Deliveries.Keys.ToHashSet());
        Assert.All(handler.Deliveries, d => Assert.Equal(1, d.Value));
        Assert.Equal(await context.Notifications.CountAsync(ct), handler.Deliveries.Count);
    }

    private ServiceProvider Instance(FakeTimeProvider clock, CountingHandler handler) => fixture.Database.CreateServices(clock, s =>
    {
        s.AddSingleton<IBillingNotificationHandler>(handler);
        s.Configure<WebhookDispatcherOptions>(o =>
        {
            o.InitialBackoff = TimeSpan.Zero;
            o.MaxAttempts = 50;
        });
    });

    private static async Task DrainAsync(IServiceProvider services, Task receiving, CancellationToken ct)
    {
        var webhooks = services.GetRequiredService<IWebhookDispatcher>();
        var notifications = services.GetRequiredService<INotificationDispatcher>();
        while (true)
        {
            var receivingDone = receiving.IsCompleted;
            var work = await webhooks.DispatchPendingAsync(ct) + await notifications.DeliverPendingAsync(ct);
            if (work == 0 && receivingDone)
            {
                return;
            }

            if (work == 0)
            {
                await Task.Delay(20, ct);
            }
        }
    }

    private static InMemoryBillingStore ProjectInOrder(IEnumerable<DeliveredEvent> history)
    {
        var store = new InMemoryBillingStore();
        var projector = new Projection.BillingProjector();
        foreach (var e in history)
        {
            projector.ApplyAsync(e.Event, e.WebhookId, store).GetAwaiter().GetResult();
        }

        return store;
    }

    private sealed class CountingHandler : IBillingNotificationHandler
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

        public Task HandleAsync(BillingNotification notification, CancellationToken cancellationToken)
        {
            Deliveries.AddOrUpdate(notification.Key, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
