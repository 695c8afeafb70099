namespace PolarBilling.Usage.Recording;

/// <summary>The running units of one (user, meter) pair. <see cref="Retired"/> in <see cref="Units"/> marks a counter taken out of use.</summary>
internal sealed class UsageCounter
{
    /// <summary>
    /// Set by a drain, only over a counter holding 0, just before it leaves the dictionary. A Record that adds to it
    /// afterwards sees a negative total and moves its units to a fresh counter, so no unit is lost or counted twice.
    /// </summary>
    public const long Retired = long.MinValue;

    /// <summary>Units not yet drained; changed only with Interlocked operations.</summary>
    public long Units;

    /// <summary>Drains in a row that found nothing: a heuristic for retiring idle counters (races only delay it).</summary>
    public int IdleDrains;
}
