namespace PolarBilling.Usage;

/// <summary>A usage threshold already fired for a meter in a billing period (table <c>billing_usage_alerts</c>); the key is all four parts.</summary>
public sealed class UsageAlert
{
    /// <summary>The app's user id.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The meter key.</summary>
    public string Meter { get; set; } = string.Empty;

    /// <summary>Start of the billing period.</summary>
    public DateTimeOffset PeriodStart { get; set; }

    /// <summary>The threshold in percent of the included units (80, 100, 150, …).</summary>
    public int Threshold { get; set; }

    /// <summary>Units used when it fired.</summary>
    public long Quantity { get; set; }

    /// <summary>Included units of the period when it fired.</summary>
    public long Included { get; set; }

    /// <summary>When it fired.</summary>
    public DateTimeOffset FiredAt { get; set; }
}
