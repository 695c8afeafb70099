using System.Collections.Concurrent;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Polar's webhook workers: takes due attempts from the <see cref="WebhookOutbox"/> under its delivery lock (not the
/// state lock, so deliveries go on during a clock advance) and sends them outside it (request handlers never wait for a
/// delivery). A finished attempt is recorded by the thread that finished it, which takes the work that became due in
/// the same lock and starts it at once: Polar's FIFO guard sends the events of one moment one by one, and a hop to the
/// loop's thread between each of them was most of a delivery's cost. The loop itself looks when woken (an event
/// queued, a redelivery asked for) or when its timer says a retry or a held event may be due.
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
    private CancellationToken _stoppingToken;

    // When the loop will look again on its own (wall-clock ticks; MaxValue: only when woken). Read and written under
    // the outbox's delivery lock: a finished attempt whose outcome is due sooner wakes the loop, no other does.
    private long _loopDeadline = long.MaxValue;

    // How many attempts this thread is starting from inside a finished one: an attempt that finishes without waiting
    // (a refused connection) would otherwise start the next one on the same stack, and so on.
    [ThreadStatic]
    private static int t_depth;

    public WebhookDispatcher(EmulatorState state, WebhookSender sender, ILogger<WebhookDispatcher> logger)
    {
        _state = state;
        _sender = sender;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = _state.Webhooks;
        _stoppingToken = stoppingToken;
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
                    _loopDeadline = Deadline(outbox, wait);
                }

                Start(due);

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

    private void Start(List<WebhookAttempt> due)
    {
        foreach (var attempt in due)
        {
            Interlocked.Increment(ref _running);
            _ = RunAsync(attempt, _stoppingToken);
        }
    }

    /// <summary>Sends one attempt, then records its outcome and starts what became due (see <see cref="Finish"/>).</summary>
    private async Task RunAsync(WebhookAttempt attempt, CancellationToken stoppingToken)
    {
        try
        {
            // Sent from the starting thread up to the first wait on the socket: no extra hop through the thread pool.
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

    /// <summary>
    /// Records the outcome and starts whatever became due (the next event of a held run, usually) on this thread. Deep
    /// in a chain of attempts that finished without waiting, or while stopping, the outcome goes to the loop instead.
    /// </summary>
    private void Finish(WebhookAttempt attempt, WebhookAttemptOutcome outcome)
    {
        // The delivery is logged at the emulator time it finished, not when it is recorded.
        var finished = new FinishedAttempt(attempt, outcome, _state.Now);
        var outbox = _state.Webhooks;
        if (t_depth >= 4 || Volatile.Read(ref _stopping) == 1 || _stoppingToken.IsCancellationRequested)
        {
            _finished.Enqueue(finished);
            outbox.Wake.Set();
            return;
        }

        List<WebhookAttempt> due;
        var wakeLoop = false;
        lock (outbox.Sync)
        {
            RecordFinished(outbox);
            outbox.Complete(finished.Attempt, finished.Outcome, finished.At);
            (due, var wait) = outbox.TakeDueAttempts();
            var deadline = Deadline(outbox, wait);
            if (deadline < _loopDeadline)
            {
                // A retry (or a held event) is due before the loop would look: it must look then.
                _loopDeadline = deadline;
                wakeLoop = true;
            }
        }

        if (wakeLoop)
        {
            outbox.Wake.Set();
        }

        t_depth++;
        try
        {
            Start(due);
        }
        finally
        {
            t_depth--;
        }
    }

    private static long Deadline(WebhookOutbox outbox, TimeSpan? wait) =>
        wait is { } w ? (outbox.WallClock.GetUtcNow() + w).UtcTicks : long.MaxValue;

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
