using Microsoft.EntityFrameworkCore;
using PolarBilling.Inbox;
using PolarBilling.Notifications;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// The claim queries. On PostgreSQL due rows are locked with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent
/// dispatchers take disjoint rows; on SQLite the dispatcher's immediate transaction holds the single write lock.
/// </summary>
internal static class InboxClaims
{
    private const string DueEvents = "SELECT * FROM " + BillingTables.WebhookEvents
        + " WHERE status = 0 AND next_attempt_at <= {0} ORDER BY sequence LIMIT {1}";

    private const string OneEvent = "SELECT * FROM " + BillingTables.WebhookEvents + " WHERE sequence = {0} AND status = 0";

    private const string DueNotifications = "SELECT * FROM " + BillingTables.Notifications
        + " WHERE status = 0 AND next_attempt_at <= {0} ORDER BY next_attempt_at LIMIT {1}";

    private const string SkipLocked = " FOR UPDATE SKIP LOCKED";

    public static Task<List<WebhookInboxEntry>> DueEventsAsync(DbContext context, DateTimeOffset now, int limit, CancellationToken ct) =>
        context.Set<WebhookInboxEntry>().FromSqlRaw(Lock(context, DueEvents), Time(context, now), limit).ToListAsync(ct);

    public static Task<WebhookInboxEntry?> EventAsync(DbContext context, long sequence, CancellationToken ct) =>
        context.Set<WebhookInboxEntry>().FromSqlRaw(Lock(context, OneEvent), sequence).AsAsyncEnumerable().FirstOrDefaultAsync(ct).AsTask();

    public static Task<List<BillingNotification>> DueNotificationsAsync(DbContext context, DateTimeOffset now, int limit, CancellationToken ct) =>
        context.Set<BillingNotification>().FromSqlRaw(Lock(context, DueNotifications), Time(context, now), limit).ToListAsync(ct);

    private static string Lock(DbContext context, string sql) => context.Database.IsNpgsql() ? sql + SkipLocked : sql;

    private static object Time(DbContext context, DateTimeOffset now) => context.Database.IsSqlite() ? now.UtcTicks : now;
}
