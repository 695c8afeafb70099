using Microsoft.EntityFrameworkCore;
using PolarBilling.Inbox;
using PolarBilling.Notifications;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Specification;

public abstract partial class BillingStoreSpecification
{
    private const string Unparsable = """{"type":"subscription.updated","timestamp":"2026-11-02T09:00:00Z","data":{"id":"sub_x","status":42}}""";

    [Fact]
    public async Task Dispatch_projects_marks_done_and_records_the_notification_together()
    {
        await AppendAsync(ActiveSubscription(user: "user-42"));
        Assert.Equal(1, await DispatchAllAsync());

        var entry = await EntryAsync("msg_1");
        Assert.Equal(WebhookEventStatus.Processed, entry.Status);
        Assert.Equal(Clock.GetUtcNow(), entry.ProcessedAt);
        var customer = await QueryAsync(c => c.Customers.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(("cus_1", "user-42"), (customer.Id, customer.UserId));
        var note = await QueryAsync(c => c.Notifications.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((BillingNotificationKind.SubscriptionActivated, BillingNotificationStatus.Pending, "user-42"), (note.Kind, note.Status, note.UserId));
    }

    [Fact]
    public async Task An_unparsable_event_is_dead_lettered_with_its_error_without_holding_up_the_others()
    {
        await AppendAsync("msg_bad", Unparsable);
        await AppendAsync(ActiveSubscription());
        await DispatchAllAsync();

        var bad = await EntryAsync("msg_bad");
        Assert.Equal((WebhookEventStatus.DeadLettered, 1), (bad.Status, bad.Attempts));
        Assert.Contains("WebhookParseException", bad.LastError, StringComparison.Ordinal);
        Assert.Equal(WebhookEventStatus.Processed, (await EntryAsync("msg_1")).Status);
    }

    [Fact]
    public async Task A_dead_lettered_event_can_be_replayed()
    {
        await AppendAsync("msg_bad", Unparsable);
        await DispatchAllAsync();

        Assert.True(await Dispatcher.ReplayAsync("msg_bad", Ct));
        Assert.False(await Dispatcher.ReplayAsync("msg_missing", Ct));
        var replayed = await EntryAsync("msg_bad");
        Assert.Equal((WebhookEventStatus.Pending, 0), (replayed.Status, replayed.Attempts));
        Assert.Equal(1, await DispatchAllAsync());
        Assert.Equal(WebhookEventStatus.DeadLettered, (await EntryAsync("msg_bad")).Status);
    }

    [Fact]
    public async Task Notifications_reach_every_handler_once_and_failures_retry_with_backoff()
    {
        await AppendAsync(ActiveSubscription());
        await DispatchAllAsync();
        Handler.FailNext(1);

        Assert.Equal(1, await Notifications.DeliverPendingAsync(Ct));
        var failed = await QueryAsync(c => c.Notifications.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((BillingNotificationStatus.Pending, 1, "handler is down"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Equal(0, await Notifications.DeliverPendingAsync(Ct));

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Notifications.DeliverPendingAsync(Ct));
        Assert.Equal(0, await Notifications.DeliverPendingAsync(Ct));
        Assert.Equal(1, Assert.Single(Handler.Deliveries).Value);
        Assert.Equal(BillingNotificationStatus.Delivered, (await QueryAsync(c => c.Notifications.AsNoTracking().SingleAsync(Ct))).Status);
    }

    [Fact]
    public async Task A_notification_whose_handler_keeps_failing_is_dead_lettered()
    {
        await AppendAsync(ActiveSubscription());
        await DispatchAllAsync();
        Handler.FailNext(10);

        for (var i = 0; i < 3; i++)
        {
            await Notifications.DeliverPendingAsync(Ct);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var dead = await QueryAsync(c => c.Notifications.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((BillingNotificationStatus.DeadLettered, 3), (dead.Status, dead.Attempts));
        Assert.Empty(Handler.Deliveries);
    }
}
