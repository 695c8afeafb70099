using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Client;
using PolarBilling.Diagnostics;

namespace PolarBilling.Usage.Sync;

/// <summary>
/// <see cref="IUsageSync"/>: under the sync lock, seals due windows and sends sealed ones to Polar's events ingest in
/// batches of <see cref="UsageOptions.SyncBatchSize"/>, marking each batch synced once Polar answered. Every event has a
/// deterministic <c>external_id</c>, so a batch sent again after a lost answer or a crash is de-duplicated by Polar.
/// </summary>
internal sealed partial class UsageSynchronizer(
    IUsageWindowStore windows,
    PolarClient polar,
    UsageEvents events,
    IOptions<PolarBillingOptions> options,
    TimeProvider time,
    ILogger<UsageSynchronizer> logger,
    PolarBillingMetrics? metrics = null) : IUsageSync, IDisposable
{
    private const int RateLimitRetries = 3;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    // Runs of this process queue here (an on-demand sync waits for the worker's); the store's lock keeps other
    // instances out, and a run that finds it taken does nothing.
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Test hook: runs after Polar acknowledged a batch and before it is marked synced (a crash there is the case to survive).</summary>
    internal Func<IReadOnlyList<UsageWindow>, CancellationToken, Task>? AfterIngest { get; set; }

    public async Task<UsageSyncResult> SyncNowAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _running.Release();
        }
    }

    public void Dispose() => _running.Dispose();

    private async Task<UsageSyncResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var syncLock = await windows.TryAcquireSyncLockAsync(cancellationToken).ConfigureAwait(false);
        if (syncLock is null)
        {
            return UsageSyncResult.Skipped;
        }

        var usage = options.Value.Usage;
        var now = time.GetUtcNow();
        var sealedCount = await windows.SealDueAsync(now, now + usage.PeriodEndLead - SettleTime(usage), now, cancellationToken).ConfigureAwait(false);
        var total = default(UsageBatchOutcome);
        long afterId = 0;
        while (!total.Transient)
        {
            var batch = await windows.ListSealedAsync(afterId, usage.SyncBatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            afterId = batch[^1].Id;
            total += await SendAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return new UsageSyncResult(true, sealedCount, total.Inserted, total.Duplicates, total.Failed, total.Transient);
    }

    /// <summary>
    /// How long after a period's sync point its windows are sealed: a flush or two, so a flush that placed usage in the
    /// ending period just before the sync point has committed (later usage already goes to the next period).
    /// </summary>
    internal static TimeSpan SettleTime(UsageOptions usage)
    {
        var settle = usage.FlushInterval * 2;
        return settle < usage.PeriodEndLead / 2 ? settle : usage.PeriodEndLead / 2;
    }

    private async Task<UsageBatchOutcome> SendAsync(IReadOnlyList<UsageWindow> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(w => w.Id).ToList();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var answer = await polar.Events.IngestAsync(batch.Select(events.ToEvent), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (AfterIngest is { } hook)
                {
                    await hook(batch, cancellationToken).ConfigureAwait(false);
                }

                await windows.MarkSyncedAsync(ids, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                foreach (var window in batch)
                {
                    metrics?.UsageSynced(window.Meter, window.Quantity);
                }

                LogBatchSent(batch.Count, answer.Inserted, answer.Duplicates ?? 0);
                return new UsageBatchOutcome(answer.Inserted, answer.Duplicates ?? 0, 0, false);
            }
            catch (PolarRateLimitException exception) when (attempt < RateLimitRetries)
            {
                var wait = exception.RetryAfter is { } after && after > TimeSpan.Zero ? (after < MaxRetryAfter ? after : MaxRetryAfter) : TimeSpan.FromSeconds(1);
                LogRateLimited(wait);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (PolarValidationException exception) when (batch.Count > 1)
            {
                // One bad event fails the whole batch: send them one by one so the others go through.
                LogBatchRejected(exception, batch.Count);
                var outcome = default(UsageBatchOutcome);
                foreach (var window in batch)
                {
                    outcome += await SendAsync([window], cancellationToken).ConfigureAwait(false);
                    if (outcome.Transient)
                    {
                        break;
                    }
                }

                return outcome;
            }
            catch (PolarValidationException exception)
            {
                await FailAsync(ids, $"Polar rejected the event: {exception.Message}", cancellationToken).ConfigureAwait(false);
                LogWindowRejected(exception, batch[0].Id, batch[0].Meter);
                return new UsageBatchOutcome(0, 0, 1, false);
            }
            catch (PolarException exception)
            {
                // 5xx, timeout, connection, rate limit after retries: keep the rows sealed and let the worker back off.
                await FailAsync(ids, $"{exception.GetType().Name}: {exception.Message}", cancellationToken).ConfigureAwait(false);
                LogSendFailed(exception, batch.Count);
                return new UsageBatchOutcome(0, 0, batch.Count, true);
            }
        }
    }

    private Task FailAsync(List<long> ids, string error, CancellationToken cancellationToken) =>
        windows.RecordSyncFailureAsync(ids, error.Length > 1000 ? error[..1000] : error, time.GetUtcNow(), cancellationToken);

    [LoggerMessage(EventId = 7321, Level = LogLevel.Debug, Message = "Sent {Count} usage windows to Polar: {Inserted} stored, {Duplicates} already there.")]
    private partial void LogBatchSent(int count, long inserted, long duplicates);

    [LoggerMessage(EventId = 7322, Level = LogLevel.Information, Message = "Polar's rate limit: sending usage again in {Wait}.")]
    private partial void LogRateLimited(TimeSpan wait);

    [LoggerMessage(EventId = 7323, Level = LogLevel.Warning, Message = "Polar rejected a batch of {Count} usage events; sending them one by one.")]
    private partial void LogBatchRejected(Exception exception, int count);

    [LoggerMessage(EventId = 7324, Level = LogLevel.Error, Message = "Polar rejected usage window {WindowId} of meter {Meter}; it stays sealed with the error and is retried on each sync.")]
    private partial void LogWindowRejected(Exception exception, long windowId, string meter);

    [LoggerMessage(EventId = 7325, Level = LogLevel.Warning, Message = "Sending {Count} usage windows to Polar failed; they stay sealed and are sent again after a back-off.")]
    private partial void LogSendFailed(Exception exception, int count);
}
