namespace PolarBilling.Usage.Reports;

/// <summary>
/// The discount the next renewal order carries: a percentage in basis points or a fixed amount in the order's
/// currency, taken off the non-proration lines (Polar's <c>Discount.get_discount_amount</c>).
/// </summary>
/// <param name="Description">The discount's name and terms, for the preview.</param>
/// <param name="BasisPoints">For a percentage discount: 1000 = 10 %.</param>
/// <param name="FixedAmount">For a fixed discount: the amount in the order's currency.</param>
internal sealed record DiscountTerms(string Description, long? BasisPoints, long? FixedAmount)
{
    /// <summary>What the discount takes off <paramref name="amount"/> (minor units).</summary>
    public long Off(long amount)
    {
        amount = Math.Max(0, amount);
        return BasisPoints is { } points ? PolarRound(amount * (points / 10_000.0)) : Math.Min(FixedAmount ?? 0, amount);
    }

    // Polar computes the percentage in Python floats, then kit/math.py polar_round (.5 away from zero).
    private static long PolarRound(double value)
    {
        var fraction = value - Math.Truncate(value);
        return value >= 0
            ? (long)(fraction >= 0.5 ? Math.Ceiling(value) : Math.Floor(value))
            : (long)(fraction <= -0.5 ? Math.Floor(value) : Math.Ceiling(value));
    }
}
