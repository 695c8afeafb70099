namespace PolarBilling.Plans;

/// <summary>
/// One metered component of a plan (<c>Polar:Plans:{key}:Meters:{meter}</c>): how much of the meter the plan's price
/// includes each billing period and what each unit over it costs. It mirrors the Polar product's
/// <c>metered_unit</c> price and its <c>meter_credit</c> benefit, which are what Polar charges.
/// </summary>
public sealed class MeteredComponentOptions
{
    /// <summary>Display name, e.g. <c>API calls</c>; the meter key when empty.</summary>
    public string? Name { get; set; }

    /// <summary>Display unit, e.g. <c>calls</c>, <c>GB</c>, <c>tokens</c>. Default <c>units</c>.</summary>
    public string Unit { get; set; } = "units";

    /// <summary>
    /// <c>count</c> (default: each recorded call adds its quantity, usually 1) or <c>sum</c> (a recorded quantity such as
    /// GB or tokens). Both are summed locally and sent to Polar as one event per window whose <c>metadata.quantity</c>
    /// a Polar meter with aggregation <c>sum</c> over <c>quantity</c> adds up.
    /// </summary>
    public string Aggregation { get; set; } = "count";

    /// <summary>Units included in the plan's price each billing period (Polar: a <c>meter_credit</c> benefit). Default 0.</summary>
    public long Included { get; set; }

    /// <summary>
    /// The price of one unit over <see cref="Included"/>, in minor units of the plan's currency, fractions allowed
    /// (Polar's <c>unit_amount</c>: <c>1</c> = $0.01, <c>0.05</c> = $0.0005).
    /// </summary>
    public decimal UnitPrice { get; set; }

    /// <summary>The most the overage of one period can cost, in minor units (Polar's <c>cap_amount</c>); none when unset.</summary>
    public long? CapAmount { get; set; }

    /// <summary>The Polar event name sent for this meter (what the Polar meter filters on). Default: the meter key.</summary>
    public string? EventName { get; set; }
}
