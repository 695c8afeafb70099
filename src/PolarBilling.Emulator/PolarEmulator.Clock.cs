using PolarBilling.Emulator.Clock;

namespace PolarBilling.Emulator;

/// <summary>The test clock, in process (the same as <c>GET /emulator/clock</c> and <c>POST /emulator/clock/advance</c>).</summary>
public sealed partial class PolarEmulator
{
    /// <summary>The emulator's current time.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (State.Gate)
            {
                return State.Now;
            }
        }
    }

    /// <summary>
    /// Moves emulator time forward by <paramref name="duration"/> and runs everything that time causes, in time order
    /// (renewals, trial ends, period-end cancellations and pauses, pending plan changes, payment retries, checkout
    /// expiries); returns once it has run and its webhooks are queued.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public EmulatorClockAdvance AdvanceClock(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        lock (State.Gate)
        {
            return TestClock.AdvanceTo(State, State.Now + duration);
        }
    }

    /// <summary>Moves emulator time forward to <paramref name="instant"/>; see <see cref="AdvanceClock"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is before the emulator's time.</exception>
    public EmulatorClockAdvance AdvanceClockTo(DateTimeOffset instant)
    {
        lock (State.Gate)
        {
            if (instant < State.Now)
            {
                throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The emulator's time is already {State.Now:O}; the clock only moves forward.");
            }

            return TestClock.AdvanceTo(State, instant);
        }
    }
}
