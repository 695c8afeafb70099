using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Diagnostics;
using PolarBilling.Usage.Alerts;
using PolarBilling.Usage.Periods;
using PolarBilling.Usage.Recording;

namespace PolarBilling.Usage.Flushing;

/// <summary>
/// Moves recorded usage from memory into usage windows: drains the aggregator, places each (user, meter) delta in
/// the window and billing period it counts toward, writes them in one transaction, then evaluates alerts. When the
/// write fails the units go back into the aggregator, so nothing is lost; the next flush tries again.
/// </summary>
internal sealed partial class UsageFlusher(
    UsageAggregator aggregator,
    UsagePeriodResolver periods,
    IUsageWindowStore windows,
    UsageAlertEvaluator alerts,
    IOptions<PolarBillingOptions> options,
    TimeProvider time,
    ILogger<UsageFlusher> logger,
    PolarBillingMetrics? metrics = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Flushes what was recorded so far. One flush runs at a time.</summary>
    /// <param name="cancellationToken">Cancels the flush; its units are put back.</param>
    /// <returns>The units written.</returns>
    public async Task<long> FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await FlushOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<long> FlushOnceAsync(CancellationToken cancellationToken)
    {
        var deltas = aggregator.Drain();
        if (deltas.Count == 0)
        {
            return 0;
        }

        var candidates = new List<UsageAlertCandidate>(deltas.Count);
        try
        {
            var now = time.GetUtcNow();
            var increments = new List<UsageIncrement>(deltas.Count);
            foreach (var delta in deltas)
            {
                var terms = await periods.GetAsync(delta.UserId, now, cancellationToken).ConfigureAwait(false);
                var slot = terms.SlotFor(now, options.Value.Usage);
                increments.Add(new UsageIncrement(delta.UserId, delta.Meter, slot.Start, slot.End, slot.Period.Start, slot.Period.End, delta.Quantity));
                candidates.Add(new UsageAlertCandidate(delta.UserId, delta.Meter, slot.Period, terms));
            }

            await windows.AddUsageAsync(increments, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            aggregator.Restore(deltas);
            LogFlushFailed(exception, deltas.Count);
            throw;
        }

        long units = 0;
        foreach (var delta in deltas)
        {
            units += delta.Quantity;
            metrics?.UsageFlushed(delta.Meter, delta.Quantity);
        }

        try
        {
            await alerts.EvaluateAsync(candidates, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The usage is stored; the next flush of these users evaluates their alerts again.
            LogAlertsFailed(exception);
        }

        return units;
    }

    [LoggerMessage(EventId = 7311, Level = LogLevel.Warning, Message = "Writing {Pairs} users' usage to the database failed; the units stay in memory for the next flush.")]
    private partial void LogFlushFailed(Exception exception, int pairs);

    [LoggerMessage(EventId = 7312, Level = LogLevel.Warning, Message = "Evaluating usage alerts failed; they are evaluated again on the users' next flush.")]
    private partial void LogAlertsFailed(Exception exception);
}
