using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Polar's webhook workers: takes due attempts from the <see cref="WebhookOutbox"/> under its delivery lock (not the
/// state lock, so deliveries go on during a clock advance), sends them outside it (request handlers never wait for a
/// delivery), and records each outcome under that lock again. Attempts to
/// different endpoints, and retries, run concurrently; the outbox decides what is due.
/// </summary>
internal sealed partial class WebhookDispatcher : BackgroundService
{
    private readonly EmulatorState _state;
    private readonly WebhookSender _sender;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly Lock _runningGate = new();
    private readonly HashSet<Task> _running = [];

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
                lock (_state.Webhooks.Sync)
                {
                    (due, wait) = outbox.TakeDueAttempts();
                }

                foreach (var attempt in due)
                {
                    Track(RunAsync(attempt, stoppingToken));
                }

                await outbox.Wake.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The emulator is stopping: attempts on the wire are abandoned below.
        }

        Task[] running;
        lock (_runningGate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunAsync(WebhookAttempt attempt, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var outcome = await _sender.SendAsync(attempt, _state.Options.WebhookTimeout, stoppingToken).ConfigureAwait(false);
            lock (_state.Webhooks.Sync)
            {
                _state.Webhooks.Complete(attempt, outcome);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || attempt.Cancellation.IsCancellationRequested)
        {
            // Reset, import or shutdown: nothing to record.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAttemptFailed(_logger, ex, attempt.EventId);
            lock (_state.Webhooks.Sync)
            {
                _state.Webhooks.Complete(attempt, new WebhookAttemptOutcome(false, null, ex.Message));
            }
        }
    }

    private void Track(Task task)
    {
        lock (_runningGate)
        {
            _running.Add(task);
        }

        task.ContinueWith(
            done =>
            {
                lock (_runningGate)
                {
                    _running.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Webhook delivery of event {EventId} failed inside the emulator")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string eventId);
}
