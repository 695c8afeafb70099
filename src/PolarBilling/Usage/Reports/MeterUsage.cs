namespace PolarBilling.Usage.Reports;

/// <summary>One meter's usage in the current billing period (<c>GET {prefix}/usage/current</c>).</summary>
/// <param name="Meter">The meter key, e.g. <c>api_calls</c>.</param>
/// <param name="Name">Display name (the meter key for a meter the plan does not list).</param>
/// <param name="Unit">Display unit.</param>
/// <param name="Used">Units recorded for the period so far (flushed; not necessarily sent to Polar yet).</param>
/// <param name="Included">Units the plan includes per period.</param>
/// <param name="Remaining">Included units left (0 once used up).</param>
/// <param name="OverageQuantity">Units over the included ones.</param>
/// <param name="OverageCost">What the overage costs so far, in minor units, rounded and capped as Polar bills it.</param>
/// <param name="UnitPrice">Price of one unit over the included ones, in minor units (fractions allowed).</param>
/// <param name="PeriodStart">Start of the billing period.</param>
/// <param name="PeriodEnd">End of the billing period.</param>
/// <param name="AlertLevel">The highest alert threshold (percent of included) reached, or <see langword="null"/>.</param>
public sealed record MeterUsage(
    string Meter,
    string Name,
    string Unit,
    long Used,
    long Included,
    long Remaining,
    long OverageQuantity,
    long OverageCost,
    decimal UnitPrice,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    int? AlertLevel);
