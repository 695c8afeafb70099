namespace PolarBilling.Usage.Sync;

/// <summary>What sending one batch of windows did.</summary>
internal readonly record struct UsageBatchOutcome(long Inserted, long Duplicates, int Failed, bool Transient)
{
    public static UsageBatchOutcome operator +(UsageBatchOutcome a, UsageBatchOutcome b) =>
        new(a.Inserted + b.Inserted, a.Duplicates + b.Duplicates, a.Failed + b.Failed, a.Transient || b.Transient);
}
