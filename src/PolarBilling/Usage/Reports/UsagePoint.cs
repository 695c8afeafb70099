namespace PolarBilling.Usage.Reports;

/// <summary>Units recorded in one bucket of a usage history.</summary>
/// <param name="Start">The bucket's start (UTC hour or day).</param>
/// <param name="Quantity">Units recorded in it.</param>
public sealed record UsagePoint(DateTimeOffset Start, long Quantity);
