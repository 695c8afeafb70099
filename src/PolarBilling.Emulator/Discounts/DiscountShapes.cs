using PolarBilling.Client;

namespace PolarBilling.Emulator.Discounts;

/// <summary>
/// The four shapes of Polar's <c>Discount</c> (fixed or percentage, once/forever or repeating) behind one set of
/// accessors, so the API code reads the fields without caring which generated class holds them.
/// </summary>
internal static class DiscountShapes
{
    public static Discount New(string type, string duration) => (type, duration) switch
    {
        ("fixed", "repeating") => new DiscountFixedRepeatDuration(),
        ("fixed", _) => new DiscountFixedOnceForeverDuration(),
        (_, "repeating") => new DiscountPercentageRepeatDuration(),
        _ => new DiscountPercentageOnceForeverDuration(),
    };

    public static bool IsFixed(Discount discount) => discount is DiscountFixedOnceForeverDuration or DiscountFixedRepeatDuration;

    public static long? BasisPoints(Discount discount) => discount switch
    {
        DiscountPercentageOnceForeverDuration p => p.BasisPoints,
        DiscountPercentageRepeatDuration p => p.BasisPoints,
        _ => null,
    };

    public static void SetBasisPoints(Discount discount, long basisPoints)
    {
        switch (discount)
        {
            case DiscountPercentageOnceForeverDuration p: p.BasisPoints = basisPoints; break;
            case DiscountPercentageRepeatDuration p: p.BasisPoints = basisPoints; break;
            default: break;
        }
    }

    public static Dictionary<string, long>? Amounts(Discount discount) => discount switch
    {
        DiscountFixedOnceForeverDuration f => f.Amounts,
        DiscountFixedRepeatDuration f => f.Amounts,
        _ => null,
    };

    /// <summary>
    /// Sets the per-currency amounts; the deprecated single <c>amount</c>/<c>currency</c> show the organization's
    /// default currency when present (else the first one).
    /// </summary>
    public static void SetAmounts(Discount discount, Dictionary<string, long> amounts, string defaultCurrency)
    {
        var currency = amounts.ContainsKey(defaultCurrency) ? defaultCurrency : amounts.Keys.FirstOrDefault() ?? defaultCurrency;
        var amount = amounts.GetValueOrDefault(currency);
        switch (discount)
        {
            case DiscountFixedOnceForeverDuration f: (f.Amounts, f.Currency, f.Amount) = (amounts, currency, amount); break;
            case DiscountFixedRepeatDuration f: (f.Amounts, f.Currency, f.Amount) = (amounts, currency, amount); break;
            default: break;
        }
    }

    public static void SetDurationInMonths(Discount discount, long months)
    {
        switch (discount)
        {
            case DiscountFixedRepeatDuration f: f.DurationInMonths = months; break;
            case DiscountPercentageRepeatDuration p: p.DurationInMonths = months; break;
            default: break;
        }
    }
}
