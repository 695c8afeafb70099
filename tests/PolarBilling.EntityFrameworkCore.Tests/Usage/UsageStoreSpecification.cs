using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.EntityFrameworkCore.Tests.Specification;
using PolarBilling.Notifications;
using PolarBilling.Usage;
using PolarBilling.Usage.Sync;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Usage;

/// <summary>What the EF Core usage store promises, run per provider by <see cref="PostgreSqlUsageStoreTests"/> and <see cref="SqliteUsageStoreTests"/>.</summary>
public abstract class UsageStoreSpecification(StoreDatabase database) : IAsyncLifetime
{
    protected static readonly DateTimeOffset PeriodStart = new(2026, 3, 10, 10, 23, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset PeriodEnd = PeriodStart.AddMonths(1);
    protected static readonly DateTimeOffset Hour = new(2026, 3, 14, 15, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Hour.AddMinutes(30));

    protected StoreDatabase Database => database;

    protected ServiceProvider Services { get; private set; } = null!;

    protected IUsageWindowStore Windows => Services.GetRequiredService<IUsageWindowStore>();

    protected IUsageStore Store => Services.GetRequiredService<IUsageStore>();

    protected RecordingHandler Handler { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        Services = database.CreateServices(Clock, s =>
        {
            s.AddSingleton(Handler);
            s.AddScoped<IBillingNotificationHandler>(sp => sp.GetRequiredService<RecordingHandler>());
        });
        await using var context = await database.CreateContextAsync(Services);
        await context.UsageWindows.ExecuteDeleteAsync(Ct);
        await context.UsageAlerts.ExecuteDeleteAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static UsageIncrement Increment(string user, long quantity, DateTimeOffset? windowStart = null, string meter = "api_calls")
    {
        var start = windowStart ?? Hour;
        return new UsageIncrement(user, meter, start, start.AddHours(1), PeriodStart, PeriodEnd, quantity);
    }

    protected async Task<List<UsageWindow>> AllWindowsAsync()
    {
        await using var context = await database.CreateContextAsync(Services);
        return await context.UsageWindows.AsNoTracking().OrderBy(w => w.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Usage_added_to_an_open_window_sums_into_one_row()
    {
        await Windows.AddUsageAsync([Increment("u1", 3), Increment("u2", 1)], Clock.GetUtcNow(), Ct);
        await Windows.AddUsageAsync([Increment("u1", 4)], Clock.GetUtcNow(), Ct);

        var rows = await AllWindowsAsync();
        var u1 = Assert.Single(rows, w => w.UserId == "u1");
        Assert.Equal((7L, 0, UsageWindowStatus.Open), (u1.Quantity, u1.Part, u1.Status));
        Assert.Equal(UsageEventIds.For("u1", "api_calls", Hour, 0), u1.ExternalId);
        Assert.Equal((Hour, Hour.AddHours(1), PeriodStart, PeriodEnd), (u1.WindowStart, u1.WindowEnd, u1.PeriodStart, u1.PeriodEnd));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Usage_arriving_after_its_window_was_sealed_goes_into_the_next_part()
    {
        await Windows.AddUsageAsync([Increment("u1", 5)], Clock.GetUtcNow(), Ct);
        Assert.Equal(1, await Windows.SealDueAsync(Hour.AddHours(1), Hour, Clock.GetUtcNow(), Ct));

        await Windows.AddUsageAsync([Increment("u1", 2)], Clock.GetUtcNow(), Ct);
        await Windows.AddUsageAsync([Increment("u1", 1)], Clock.GetUtcNow(), Ct);

        var rows = await AllWindowsAsync();
        Assert.Equal([(0, 5L, UsageWindowStatus.Sealed), (1, 3L, UsageWindowStatus.Open)], rows.Select(w => (w.Part, w.Quantity, w.Status)));
        Assert.Equal(UsageEventIds.For("u1", "api_calls", Hour, 1), rows[1].ExternalId);
    }

    [Fact]
    public async Task One_write_adds_to_open_windows_and_opens_new_windows_and_parts_together()
    {
        await Windows.AddUsageAsync([Increment("open", 1), Increment("sealed", 2)], Clock.GetUtcNow(), Ct);
        Assert.Equal(2, await Windows.SealDueAsync(Hour.AddHours(1), Hour, Clock.GetUtcNow(), Ct));
        await Windows.AddUsageAsync([Increment("open", 10, Hour.AddHours(1))], Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));

        await Windows.AddUsageAsync(
            [Increment("open", 5, Hour.AddHours(1)), Increment("sealed", 3), Increment("new", 7, Hour.AddHours(1)), Increment("open", 4, Hour.AddHours(1), "tokens")],
            Clock.GetUtcNow(), Ct);

        var rows = (await AllWindowsAsync()).OrderBy(w => (w.UserId, w.Meter, w.WindowStart, w.Part)).ToList();
        Assert.Equal(
            [("new", "api_calls", Hour.AddHours(1), 0, 7L), ("open", "api_calls", Hour, 0, 1L), ("open", "api_calls", Hour.AddHours(1), 0, 15L),
             ("open", "tokens", Hour.AddHours(1), 0, 4L), ("sealed", "api_calls", Hour, 0, 2L), ("sealed", "api_calls", Hour, 1, 3L)],
            rows.Select(w => (w.UserId, w.Meter, w.WindowStart, w.Part, w.Quantity)));
        // Everything this write touched is open and stamped with its time; the sealed parts kept theirs.
        Assert.All(rows.Where(w => w.Status == UsageWindowStatus.Open && w.WindowStart > Hour), w => Assert.Equal(Clock.GetUtcNow(), w.UpdatedAt));
        Assert.Equal(Clock.GetUtcNow(), rows.Single(w => w.Part == 1).UpdatedAt);
    }

    [Fact]
    public async Task Sealing_takes_ended_windows_and_every_window_of_a_period_at_its_sync_point()
    {
        var nextPeriodStart = PeriodEnd;
        await Windows.AddUsageAsync(
        [
            Increment("ended", 1, Hour.AddHours(-1)),
            Increment("running", 1, Hour),
            new UsageIncrement("next-period", "api_calls", nextPeriodStart, nextPeriodStart.AddMinutes(37), nextPeriodStart, nextPeriodStart.AddMonths(1), 1),
        ], Clock.GetUtcNow(), Ct);

        Assert.Equal(1, await Windows.SealDueAsync(Hour, Hour, Clock.GetUtcNow(), Ct));
        Assert.Equal(["ended"], (await AllWindowsAsync()).Where(w => w.Status == UsageWindowStatus.Sealed).Select(w => w.UserId));

        // At the period's sync point its running window is sealed too; the next period's window stays open.
        Assert.Equal(1, await Windows.SealDueAsync(Hour, PeriodEnd, Clock.GetUtcNow(), Ct));
        var rows = await AllWindowsAsync();
        Assert.Equal(["ended", "running"], rows.Where(w => w.Status == UsageWindowStatus.Sealed).Select(w => w.UserId));
        Assert.All(rows.Where(w => w.Status == UsageWindowStatus.Sealed), w => Assert.Equal(Clock.GetUtcNow(), w.SealedAt));
        Assert.Equal(nextPeriodStart.AddMonths(1), await Windows.EarliestOpenPeriodEndAsync(Ct));
    }

    [Fact]
    public async Task Sealed_windows_are_listed_by_id_marked_synced_or_failed()
    {
        await Windows.AddUsageAsync([Increment("u1", 1), Increment("u2", 2), Increment("u3", 3)], Clock.GetUtcNow(), Ct);
        await Windows.SealDueAsync(Hour.AddHours(1), Hour, Clock.GetUtcNow(), Ct);

        var first = await Windows.ListSealedAsync(0, 2, Ct);
        var rest = await Windows.ListSealedAsync(first[^1].Id, 2, Ct);
        Assert.Equal(2, first.Count);
        Assert.Single(rest);

        await Windows.RecordSyncFailureAsync([rest[0].Id], "ServerError: 503", Clock.GetUtcNow(), Ct);
        await Windows.RecordSyncFailureAsync([rest[0].Id], "ServerError: 502", Clock.GetUtcNow(), Ct);
        await Windows.MarkSyncedAsync([.. first.Select(w => w.Id)], Clock.GetUtcNow(), Ct);

        var rows = await AllWindowsAsync();
        Assert.Equal([UsageWindowStatus.Synced, UsageWindowStatus.Synced, UsageWindowStatus.Sealed], rows.Select(w => w.Status));
        Assert.Equal((2, "ServerError: 502"), (rows[2].SyncAttempts, rows[2].LastError));
        Assert.All(rows.Take(2), w => Assert.Equal(Clock.GetUtcNow(), w.SyncedAt));
        Assert.Equal([rows[2].Id], (await Windows.ListSealedAsync(0, 10, Ct)).Select(w => w.Id));
    }

    [Fact]
    public async Task Sums_count_every_part_and_status_of_the_period_only()
    {
        await Windows.AddUsageAsync([Increment("u1", 5), Increment("u1", 100, meter: "tokens"), Increment("u2", 9)], Clock.GetUtcNow(), Ct);
        await Windows.SealDueAsync(Hour.AddHours(1), Hour, Clock.GetUtcNow(), Ct);
        await Windows.AddUsageAsync([Increment("u1", 2), new UsageIncrement("u1", "api_calls", PeriodEnd, PeriodEnd.AddMinutes(37), PeriodEnd, PeriodEnd.AddMonths(1), 1000)], Clock.GetUtcNow(), Ct);

        var sums = await Store.SumByMeterAsync("u1", PeriodStart, Ct);
        var windows = await Store.ListWindowsAsync("u1", "api_calls", PeriodStart, PeriodEnd, Ct);

        Assert.Equal(new Dictionary<string, long> { ["api_calls"] = 7, ["tokens"] = 100 }, sums);
        Assert.Equal([5L, 2L], windows.Select(w => w.Quantity));
    }

    [Fact]
    public async Task An_alert_fires_once_and_its_notification_reaches_the_handlers_with_the_usage_fields()
    {
        var alert = new UsageAlert { UserId = "u1", Meter = "api_calls", PeriodStart = PeriodStart, Threshold = 80, Quantity = 8000, Included = 10_000, FiredAt = Clock.GetUtcNow() };

        Assert.True(await Store.TryRecordAlertAsync(alert, Notification(alert), Ct));
        Assert.False(await Store.TryRecordAlertAsync(alert, Notification(alert), Ct));
        Assert.True(await Store.TryRecordAlertAsync(new UsageAlert { UserId = "u1", Meter = "api_calls", PeriodStart = PeriodStart, Threshold = 100, Quantity = 10_000, Included = 10_000, FiredAt = Clock.GetUtcNow() }, Notification(alert, 100), Ct));
        await Services.GetRequiredService<INotificationDispatcher>().DeliverPendingAsync(Ct);

        Assert.Equal([80, 100], (await Store.ListAlertsAsync("u1", PeriodStart, Ct)).Select(a => a.Threshold));
        var delivered = Handler.Received.Single(n => n.Threshold == 80);
        Assert.Equal((BillingNotificationKind.UsageThresholdReached, "api_calls", 8000L, 10_000L), (delivered.Kind, delivered.Meter, delivered.Quantity, delivered.Included));
        Assert.Equal(2, Handler.Deliveries.Count);
    }

    private BillingNotification Notification(UsageAlert alert, int? threshold = null) => new()
    {
        Key = $"usage_threshold:{alert.UserId}:{alert.Meter}:{alert.PeriodStart:O}:{threshold ?? alert.Threshold}",
        Kind = BillingNotificationKind.UsageThresholdReached,
        UserId = alert.UserId,
        SubjectId = alert.Meter,
        Meter = alert.Meter,
        Threshold = threshold ?? alert.Threshold,
        Quantity = threshold is null ? alert.Quantity : 10_000,
        Included = alert.Included,
        OccurredAt = Clock.GetUtcNow(),
        CreatedAt = Clock.GetUtcNow(),
        NextAttemptAt = Clock.GetUtcNow(),
    };
}
