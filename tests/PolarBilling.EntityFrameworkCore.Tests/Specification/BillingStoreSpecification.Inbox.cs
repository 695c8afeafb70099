using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Inbox;
using PolarBilling.Tests.Support;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Specification;

public abstract partial class BillingStoreSpecification
{
    private static DeliveredEvent ActiveSubscription(string n = "1", string user = "user-1") => new(
        $"msg_{n}",
        new SubscriptionActiveWebhookEvent(
            BillingEvents.Subscription($"sub_{n}", $"cus_{n}", "prod_pro", SubscriptionStatus.Active, BillingEvents.Epoch, user), BillingEvents.Epoch));

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        Assert.False(await QueryAsync(c => Task.FromResult(c.Database.HasPendingModelChanges())));
        Assert.Empty(await QueryAsync(c => c.Database.GetPendingMigrationsAsync(Ct)));
    }

    [Fact]
    public async Task A_redelivered_webhook_id_is_stored_once_and_is_not_an_error()
    {
        Assert.Equal(InboxAppendResult.Stored, await AppendAsync(ActiveSubscription()));
        Assert.Equal(InboxAppendResult.Duplicate, await AppendAsync(ActiveSubscription()));

        var entry = await EntryAsync("msg_1");
        Assert.Equal((WebhookEventTypes.SubscriptionActive, WebhookEventStatus.Pending, 0), (entry.Type, entry.Status, entry.Attempts));
        Assert.Equal(1, await QueryAsync(c => c.WebhookEvents.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_and_not_stored()
    {
        var huge = new string('x', 1024 * 1024 + 1);
        Assert.Equal(InboxAppendResult.TooLarge, await AppendAsync("msg_big", huge));
        Assert.Equal(0, await QueryAsync(c => c.WebhookEvents.CountAsync(Ct)));
    }

    [Fact]
    public async Task Concurrent_deliveries_are_all_stored_once_by_group_commit()
    {
        var events = Enumerable.Range(0, 120).Select(i => ActiveSubscription(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var results = await Task.WhenAll(events.Concat(events.Take(30)).Select(e => AppendAsync(e)));

        Assert.Equal(120, results.Count(r => r == InboxAppendResult.Stored));
        Assert.Equal(30, results.Count(r => r == InboxAppendResult.Duplicate));
        Assert.Equal(120, await QueryAsync(c => c.WebhookEvents.CountAsync(Ct)));
    }

    [Fact]
    public async Task Unknown_event_types_are_stored_acknowledged_and_settled_as_ignored()
    {
        Assert.Equal(InboxAppendResult.Stored, await AppendAsync("msg_new", """{"type":"invoice.finalized","timestamp":"2026-11-02T09:00:00Z","data":{"id":"x"}}"""));
        await DispatchAllAsync();

        var entry = await EntryAsync("msg_new");
        Assert.Equal(("invoice.finalized", WebhookEventStatus.Ignored), (entry.Type, entry.Status));
    }

    [Fact]
    public async Task Deliveries_stored_by_an_instance_that_died_before_projecting_are_projected_by_the_next()
    {
        await using (var dying = CreateServices())
        {
            await AppendAsync(ActiveSubscription(), dying.GetRequiredService<IWebhookInbox>());
        }

        await DispatchAllAsync();

        Assert.Equal("active", await QueryAsync(c => c.Subscriptions.Where(s => s.Id == "sub_1").Select(s => s.Status).SingleAsync(Ct)));
    }
}
