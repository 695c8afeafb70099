using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Clock;

/// <summary>
/// With a running clock (<see cref="EmulatorClockMode.Running"/>), runs what has become due once a second, as Polar's
/// scheduled jobs do, so a standalone emulator renews, retries and expires by itself. Idle with a frozen clock.
/// </summary>
internal sealed class ClockTicker(EmulatorState state) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (state.Options.TimeProvider is not null || state.Options.ClockMode != EmulatorClockMode.Running)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            lock (state.Gate)
            {
                TestClock.AdvanceTo(state, state.Now);
            }
        }
    }
}
