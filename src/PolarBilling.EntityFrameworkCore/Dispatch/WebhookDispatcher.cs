using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Client.Webhooks;
using PolarBilling.Diagnostics;
using PolarBilling.Entitlements;
using PolarBilling.Inbox;
using PolarBilling.Projection;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// Claims due inbox rows and projects them. Fast path: the whole batch in one transaction (project, mark done, record
/// notifications, commit). If anything in it fails, the batch is rolled back and each event is retried alone, so one
/// bad event only delays itself: it is retried with backoff and dead-lettered after <see cref="WebhookDispatcherOptions.MaxAttempts"/>.
/// </summary>
internal sealed partial class WebhookDispatcher<TContext>(
    IDbContextFactory<TContext> factory, BillingProjector projector, TimeProvider time, IOptions<WebhookDispatcherOptions> options, ILogger<WebhookDispatcher<TContext>> logger,
    PolarBillingMetrics? metrics = null, IBillingChangeNotifier? changeNotifier = null)
    : IWebhookDispatcher, IDisposable
    where TContext : DbContext
{
    private const int ConflictRetries = 3;
    private readonly WebhookDispatcherOptions _options = options.Value;
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var sqlite = context.Database.IsSqlite();
        if (sqlite)
        {
            await _sqliteWriter.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await DispatchBatchAsync(context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (sqlite)
            {
                _sqliteWriter.Release();
            }
        }
    }

    public void Dispose() => _sqliteWriter.Dispose();

    public async Task<bool> ReplayAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entry = await context.Set<WebhookInboxEntry>().SingleOrDefaultAsync(e => e.WebhookId == webhookId, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return false;
        }

        entry.Status = WebhookEventStatus.Pending;
        entry.Attempts = 0;
        entry.NextAttemptAt = time.GetUtcNow();
        entry.ProcessedAt = null;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<int> DispatchBatchAsync(TContext context, CancellationToken ct)
    {
        List<long> claimed;
        await using (var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            var entries = await InboxClaims.DueEventsAsync(context, time.GetUtcNow(), _options.BatchSize, ct).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                return 0;
            }

            claimed = [.. entries.Select(e => e.Sequence)];
            try
            {
                var store = new EfBillingProjectionStore(context);
                foreach (var entry in entries)
                {
                    await ProjectAsync(entry, store, ct).ConfigureAwait(false);
                }

                var changes = CustomerChanges.Collect(context);
                await changes.NotifyOtherInstancesAsync(context, ct).ConfigureAwait(false);
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                changes.Publish(changeNotifier);
                RecordApplied(entries);
                return entries.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(logger, entries.Count, ex.Message);
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
            }
        }

        foreach (var sequence in claimed)
        {
            await DispatchOneAsync(sequence, ct).ConfigureAwait(false);
        }

        return claimed.Count;
    }

    private async Task ProjectAsync(WebhookInboxEntry entry, EfBillingProjectionStore store, CancellationToken ct)
    {
        var parsed = WebhookEventParser.Parse(entry.Payload);
        var outcome = await projector.ApplyAsync(parsed, entry.WebhookId, store, ct).ConfigureAwait(false);
        entry.Status = outcome == ProjectionOutcome.NotProjected ? WebhookEventStatus.Ignored : WebhookEventStatus.Processed;
        entry.ProcessedAt = time.GetUtcNow();
        entry.LastError = null;
    }

    private async Task DispatchOneAsync(long sequence, CancellationToken ct)
    {
        Exception? failure = null;
        for (var attempt = 0; attempt < ConflictRetries; attempt++)
        {
            await using var context = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            var entry = await InboxClaims.EventAsync(context, sequence, ct).ConfigureAwait(false);
            if (entry is null)
            {
                return; // settled or claimed by another dispatcher meanwhile
            }

            try
            {
                await ProjectAsync(entry, new EfBillingProjectionStore(context), ct).ConfigureAwait(false);
                var changes = CustomerChanges.Collect(context);
                await changes.NotifyOtherInstancesAsync(context, ct).ConfigureAwait(false);
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                changes.Publish(changeNotifier);
                RecordApplied([entry]);
                return;
            }
            catch (DbUpdateException ex)
            {
                // Another dispatcher wrote the same row (concurrency token or key): read again and retry at once.
                failure = ex;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure = ex;
                break;
            }
        }

        await RecordFailureAsync(sequence, failure!, ct).ConfigureAwait(false);
    }

    private async Task RecordFailureAsync(long sequence, Exception failure, CancellationToken ct)
    {
        await using var context = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var entry = await InboxClaims.EventAsync(context, sequence, ct).ConfigureAwait(false);
        if (entry is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        entry.Attempts++;
        entry.LastError = Describe(failure);
        var permanent = failure is WebhookParseException;
        if (permanent || entry.Attempts >= _options.MaxAttempts)
        {
            entry.Status = WebhookEventStatus.DeadLettered;
            entry.ProcessedAt = now;
            LogDeadLettered(logger, entry.WebhookId, entry.Type, entry.Attempts, entry.LastError);
        }
        else
        {
            entry.NextAttemptAt = now + _options.BackoffAfter(entry.Attempts);
            LogRetry(logger, entry.WebhookId, entry.Type, entry.Attempts, entry.LastError);
        }

        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        metrics?.WebhookFailed(entry.Type, entry.Status == WebhookEventStatus.DeadLettered);
    }

    // Counted after the commit, so a rolled-back batch retried event by event is counted once.
    private void RecordApplied(IEnumerable<WebhookInboxEntry> entries)
    {
        if (metrics is null)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Status == WebhookEventStatus.Processed)
            {
                metrics.WebhookApplied(entry.Type);
            }
        }
    }

    private static string Describe(Exception failure)
    {
        var text = $"{failure.GetType().Name}: {(failure.InnerException ?? failure).Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }

    [LoggerMessage(1, LogLevel.Warning, "A batch of {Count} webhook events failed ({Error}); retrying each on its own")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error);

    [LoggerMessage(2, LogLevel.Warning, "Webhook {WebhookId} ({Type}) failed attempt {Attempts}: {Error}; retrying later")]
    private static partial void LogRetry(ILogger logger, string webhookId, string type, int attempts, string error);

    [LoggerMessage(3, LogLevel.Error, "Webhook {WebhookId} ({Type}) dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string webhookId, string type, int attempts, string error);
}
