namespace PolarBilling.Plans;

/// <summary>A metered component of a <see cref="BillingPlan"/>: a meter, its included units per period and its overage price.</summary>
public sealed class MeteredComponent
{
    internal MeteredComponent(string meter, MeteredComponentOptions options)
    {
        Meter = meter;
        Name = string.IsNullOrWhiteSpace(options.Name) ? meter : options.Name;
        Unit = string.IsNullOrWhiteSpace(options.Unit) ? "units" : options.Unit;
        Aggregation = (options.Aggregation ?? "count").ToLowerInvariant();
        Included = options.Included;
        UnitPrice = options.UnitPrice;
        CapAmount = options.CapAmount;
        EventName = string.IsNullOrWhiteSpace(options.EventName) ? meter : options.EventName;
    }

    /// <summary>The meter key the app records under, e.g. <c>api_calls</c>.</summary>
    public string Meter { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Display unit.</summary>
    public string Unit { get; }

    /// <summary><c>count</c> or <c>sum</c>.</summary>
    public string Aggregation { get; }

    /// <summary>Units included per billing period.</summary>
    public long Included { get; }

    /// <summary>Price of one unit over <see cref="Included"/>, in minor units (fractions allowed).</summary>
    public decimal UnitPrice { get; }

    /// <summary>Most the overage of one period can cost, in minor units; <see langword="null"/> for no cap.</summary>
    public long? CapAmount { get; }

    /// <summary>The Polar event name sent for this meter.</summary>
    public string EventName { get; }
}
