namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Tells the delivery loop that something changed (an event queued, an attempt completed, a redelivery asked for),
/// so it looks again at once instead of at its next timer. Setting it never blocks, so it is safe under the state lock.
/// </summary>
internal sealed class WebhookWakeSignal
{
    // Timers take at most int.MaxValue ms; the loop re-checks the state after any wake anyway.
    private const double MaxWaitMilliseconds = 24 * 60 * 60 * 1000;

    private readonly Lock _sync = new();
    private TaskCompletionSource _signaled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // One timer for every wait: the loop waits once per delivery round, and a Task.Delay, a linked token source and a
    // WhenAny per round were a steady stream of garbage and timer-queue churn during a year run.
    private ITimer? _timer;

    public void Set()
    {
        lock (_sync)
        {
            _signaled.TrySetResult();
        }
    }

    /// <summary>
    /// Waits until <see cref="Set"/> is called or <paramref name="timeout"/> passes (<see langword="null"/>: no timeout),
    /// then re-arms. Re-arming before the caller looks at the state loses nothing: every Set follows its change.
    /// Only one caller waits at a time (the delivery loop).
    /// </summary>
    public async Task WaitAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        Task signaled;
        lock (_sync)
        {
            signaled = _signaled.Task;
        }

        if (!signaled.IsCompleted)
        {
            if (timeout is { } t)
            {
                _timer ??= TimeProvider.System.CreateTimer(static s => ((WebhookWakeSignal)s!).Set(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(TimeSpan.FromMilliseconds(Math.Clamp(Math.Ceiling(t.TotalMilliseconds), 0, MaxWaitMilliseconds)), Timeout.InfiniteTimeSpan);
            }

            using (cancellationToken.UnsafeRegister(static s => ((WebhookWakeSignal)s!).Set(), this))
            {
                await signaled.ConfigureAwait(false);
            }

            // A timer that fires late only causes one extra look at the state.
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            cancellationToken.ThrowIfCancellationRequested();
        }

        lock (_sync)
        {
            if (_signaled.Task.IsCompleted)
            {
                _signaled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
