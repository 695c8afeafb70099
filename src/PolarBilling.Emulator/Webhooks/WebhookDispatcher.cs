using System.Collections.Concurrent;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Polar's webhook workers: takes due attempts from the <see cref="WebhookOutbox"/> under its delivery lock (not the
/// state lock, so deliveries go on during a clock advance), sends them outside it (request handlers never wait for a
/// delivery), and records the outcomes under that lock again, all finished attempts at once before it looks for due
/// work: one lock per round instead of two per attempt, which the clock advance's emits would otherwise queue behind.
/// Attempts to different endpoints, and retries, run concurrently; the outbox decides what is due.
/// </summary>
internal sealed partial class WebhookDispatcher : BackgroundService
{
    private readonly EmulatorState _state;
    private readonly WebhookSender _sender;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly ConcurrentQueue<FinishedAttempt> _finished = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private int _stopping;

    public WebhookDispatcher(EmulatorState state, WebhookSender sender, ILogger<WebhookDispatcher> logger)
    {
        _state = state;
        _sender = sender;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = _state.Webhooks;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                List<WebhookAttempt> due;
                TimeSpan? wait;
                lock (outbox.Sync)
                {
                    RecordFinished(outbox);
                    (due, wait) = outbox.TakeDueAttempts();
                }

                foreach (var attempt in due)
                {
                    Interlocked.Increment(ref _running);
                    _ = RunAsync(attempt, stoppingToken);
                }

                await outbox.Wake.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The emulator is stopping: attempts on the wire are abandoned below.
        }

        Interlocked.Exchange(ref _stopping, 1);
        if (Volatile.Read(ref _running) > 0)
        {
            await _drained.Task.ConfigureAwait(false);
        }

        lock (outbox.Sync)
        {
            RecordFinished(outbox);
        }
    }

    /// <summary>Sends one attempt; the outcome is recorded by the loop's next round, which it wakes.</summary>
    private async Task RunAsync(WebhookAttempt attempt, CancellationToken stoppingToken)
    {
        try
        {
            // Sent from the loop's thread up to the first wait on the socket: no extra hop through the thread pool.
            var outcome = await _sender.SendAsync(attempt, _state.Options.WebhookTimeout, stoppingToken).ConfigureAwait(false);
            Finish(attempt, outcome);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || attempt.Cancellation.IsCancellationRequested)
        {
            // Reset, import or shutdown: nothing to record.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAttemptFailed(_logger, ex, attempt.EventId);
            Finish(attempt, new WebhookAttemptOutcome(false, null, ex.Message));
        }
        finally
        {
            if (Interlocked.Decrement(ref _running) == 0 && Volatile.Read(ref _stopping) == 1)
            {
                _drained.TrySetResult();
            }
        }
    }

    private void Finish(WebhookAttempt attempt, WebhookAttemptOutcome outcome)
    {
        // The delivery is logged at the emulator time it finished, not when the loop gets to it.
        _finished.Enqueue(new FinishedAttempt(attempt, outcome, _state.Now));
        _state.Webhooks.Wake.Set();
    }

    private void RecordFinished(WebhookOutbox outbox)
    {
        while (_finished.TryDequeue(out var finished))
        {
            outbox.Complete(finished.Attempt, finished.Outcome, finished.At);
        }
    }

    private readonly record struct FinishedAttempt(WebhookAttempt Attempt, WebhookAttemptOutcome Outcome, DateTimeOffset At);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Webhook delivery of event {EventId} failed inside the emulator")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string eventId);
}
