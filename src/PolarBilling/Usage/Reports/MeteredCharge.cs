namespace PolarBilling.Usage.Reports;

/// <summary>
/// Polar's metered price arithmetic (<c>ProductPriceMeteredUnit.get_amount_and_label</c>): units consumed minus units
/// credited by the plan's <c>meter_credit</c> benefit, times the unit amount, rounded half away from zero
/// (<c>polar_round</c>), capped at <c>cap_amount</c>.
/// </summary>
internal static class MeteredCharge
{
    /// <summary>Units billed: used minus included, never negative.</summary>
    public static long Billable(long used, long included) => Math.Max(0, used - included);

    /// <summary>The amount in minor units for <paramref name="billable"/> units.</summary>
    public static long Amount(long billable, decimal unitPrice, long? capAmount)
    {
        var amount = (long)Math.Round(unitPrice * billable, MidpointRounding.AwayFromZero);
        return capAmount is { } cap && amount > cap ? cap : amount;
    }

    /// <summary>The highest threshold (percent of <paramref name="included"/>) that <paramref name="used"/> reached; none without included units.</summary>
    public static int? AlertLevel(long used, long included, IReadOnlyList<int> thresholds)
    {
        if (included <= 0)
        {
            return null;
        }

        int? level = null;
        foreach (var threshold in thresholds)
        {
            // used / included >= threshold / 100, in integers so 79.999 % never rounds up to 80 %.
            if ((decimal)used * 100 >= (decimal)included * threshold && (level is null || threshold > level))
            {
                level = threshold;
            }
        }

        return level;
    }
}
