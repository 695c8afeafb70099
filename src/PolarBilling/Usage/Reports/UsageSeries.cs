namespace PolarBilling.Usage.Reports;

/// <summary>One meter's usage history: a point for every bucket of the range, zeros included.</summary>
/// <param name="Meter">The meter key.</param>
/// <param name="Points">The buckets, oldest first.</param>
public sealed record UsageSeries(string Meter, IReadOnlyList<UsagePoint> Points);
