namespace PolarBilling.Usage;

/// <summary>Where a usage window is on its way to Polar. Stored as a number.</summary>
public enum UsageWindowStatus
{
    /// <summary>Still receiving flushed usage.</summary>
    Open = 0,

    /// <summary>Closed: its quantity is final and it waits to be sent (or to be confirmed after a failed send).</summary>
    Sealed = 1,

    /// <summary>Polar acknowledged its event (inserted or a duplicate of an earlier send).</summary>
    Synced = 2,
}
