namespace PolarBilling.Emulator.Clock;

/// <summary>
/// Emulator time: a base clock (the real one, a stopped one for <see cref="EmulatorClockMode.Frozen"/>, or the
/// <see cref="TimeProvider"/> a test passes) plus how far the test clock has been advanced. Only ever moves forward.
/// </summary>
internal sealed class EmulatorClock : TimeProvider
{
    private readonly TimeProvider _base;
    private long _offsetTicks;

    public EmulatorClock(TimeProvider baseClock) => _base = baseClock;

    /// <summary>A clock that stays at <paramref name="instant"/> until advanced.</summary>
    public static EmulatorClock StoppedAt(DateTimeOffset instant) => new(new StoppedClock(instant));

    /// <summary>How far the test clock has moved the base clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves time forward to <paramref name="instant"/>; an instant already past leaves the clock alone.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var gap = (instant - GetUtcNow()).Ticks;
        if (gap > 0)
        {
            Interlocked.Add(ref _offsetTicks, gap);
        }
    }

    private sealed class StoppedClock(DateTimeOffset instant) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => instant;
    }
}
