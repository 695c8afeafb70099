namespace PolarBilling.Usage.Reports;

/// <summary>A user's usage of every meter in the current billing period.</summary>
/// <param name="Plan">The user's plan key.</param>
/// <param name="Currency">Lowercase ISO currency of the costs.</param>
/// <param name="PeriodStart">Start of the billing period (the subscription's, else the calendar month UTC).</param>
/// <param name="PeriodEnd">End of the billing period.</param>
/// <param name="Meters">The plan's metered components first (by key), then other meters with usage.</param>
public sealed record CurrentUsage(string Plan, string Currency, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, IReadOnlyList<MeterUsage> Meters);
