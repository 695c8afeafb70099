namespace PolarBilling.Usage.Reports;

/// <summary>The bucket size of a usage history series (UTC).</summary>
public enum UsageInterval
{
    /// <summary>One point per UTC hour.</summary>
    Hour,

    /// <summary>One point per UTC day.</summary>
    Day,
}
