namespace PolarBilling.Usage.Periods;

/// <summary>A billing period, <c>[Start, End)</c> in UTC.</summary>
/// <param name="Start">Inclusive start.</param>
/// <param name="End">Exclusive end.</param>
internal readonly record struct BillingPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>When usage of this period is closed and sent: <paramref name="lead"/> before its end (never before its start).</summary>
    public DateTimeOffset SyncPoint(TimeSpan lead) => End - lead > Start ? End - lead : Start;
}
