using Microsoft.EntityFrameworkCore;
using PolarBilling.Diagnostics;
using PolarBilling.Inbox;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// The health checks' view of the EF Core store. Every query filters on <c>status</c>, the leading column of the
/// dispatcher's index, so it reads the pending and dead-lettered rows only, never the processed history.
/// </summary>
internal sealed class EfBillingStoreHealth<TContext>(IDbContextFactory<TContext> factory) : IBillingStoreHealth
    where TContext : DbContext
{
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // A query on a billing table, not just an open connection: missing migrations fail here too.
        await context.Set<WebhookInboxEntry>().AsNoTracking().Select(e => e.Sequence).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebhookInboxHealth> GetInboxHealthAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var events = context.Set<WebhookInboxEntry>().AsNoTracking();
        var pending = events.Where(e => e.Status == WebhookEventStatus.Pending);
        var deadLettered = events.Where(e => e.Status == WebhookEventStatus.DeadLettered);

        var pendingCount = await pending.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var retrying = pendingCount == 0 ? 0 : await pending.LongCountAsync(e => e.Attempts > 0, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? oldest = pendingCount == 0 ? null
            : await pending.OrderBy(e => e.Sequence).Select(e => (DateTimeOffset?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        var deadCount = await deadLettered.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var latest = deadCount == 0 ? null
            : await deadLettered.OrderByDescending(e => e.ProcessedAt).ThenByDescending(e => e.Sequence)
                .Select(e => new DeadLetteredWebhook(e.WebhookId, e.Type, e.Attempts, e.LastError, e.ProcessedAt))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new WebhookInboxHealth(pendingCount, retrying, oldest, deadCount, latest);
    }
}
