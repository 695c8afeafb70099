namespace PolarBilling.Usage;

/// <summary>What one usage sync did.</summary>
/// <param name="Ran">False when another sync held the lock and this one did nothing.</param>
/// <param name="Sealed">Windows sealed in this run.</param>
/// <param name="Inserted">Events Polar stored.</param>
/// <param name="Duplicates">Events Polar already held (a resend after a lost answer), counted as synced.</param>
/// <param name="Failed">Windows whose send failed; they stay sealed and are sent again later.</param>
/// <param name="TransientFailure">Whether Polar was unavailable (5xx, timeout, connection, rate limit), so the worker backs off.</param>
public sealed record UsageSyncResult(bool Ran, int Sealed, long Inserted, long Duplicates, int Failed, bool TransientFailure)
{
    /// <summary>The result of a run that found the lock taken.</summary>
    public static UsageSyncResult Skipped { get; } = new(false, 0, 0, 0, 0, false);
}
