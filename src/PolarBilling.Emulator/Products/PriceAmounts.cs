using System.Globalization;

namespace PolarBilling.Emulator.Products;

/// <summary>
/// Polar's per-currency price bounds (server <c>kit/currency.py</c>; the table in the spec's price descriptions):
/// a price below the currency's minimum is refused unless it is 0 (free), and none may exceed Stripe's maximum.
/// </summary>
internal static class PriceAmounts
{
    /// <summary>Stripe's maximum charge, in minor units.</summary>
    public const long Maximum = 99_999_999;

    // Minor units, from the spec's "Minimum amounts per currency" table; "Other currencies: 50 minor units".
    private static readonly Dictionary<string, long> Minimums = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = 50, ["eur"] = 50, ["gbp"] = 40, ["cad"] = 70, ["aud"] = 70, ["nzd"] = 90, ["chf"] = 50,
        ["sek"] = 500, ["nok"] = 500, ["dkk"] = 320, ["pln"] = 200, ["czk"] = 1500, ["brl"] = 250,
        ["mxn"] = 900, ["inr"] = 6000, ["sgd"] = 70, ["hkd"] = 400, ["jpy"] = 80, ["krw"] = 800,
    };

    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase) { "jpy", "krw" };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = "$", ["eur"] = "€", ["gbp"] = "£", ["jpy"] = "¥", ["inr"] = "₹", ["krw"] = "₩",
    };

    public static long Minimum(string currency) => Minimums.TryGetValue(currency, out var minimum) ? minimum : 50;

    /// <summary>
    /// Polar's <c>minimum_price</c>/<c>maximum_price</c> message for <paramref name="amount"/>, or <see langword="null"/>
    /// when it is allowed. <paramref name="allowZero"/>: 0 means free.
    /// </summary>
    public static (string Type, string Message)? Problem(string currency, long amount, bool allowZero)
    {
        var minimum = Minimum(currency);
        if (amount < minimum && !(allowZero && amount == 0))
        {
            var text = $"Amount must be at least {Format(minimum, currency)}";
            return ("minimum_price", allowZero ? text + " or 0 for free pricing" : text);
        }

        return amount > Maximum ? ("maximum_price", $"Amount must be at most {Format(Maximum, currency)}") : null;
    }

    /// <summary>Babel's English rendering, e.g. <c>$0.50</c>, <c>€1,000.00</c>, <c>¥80</c>, else <c>CHF 0.50</c>.</summary>
    private static string Format(long minorUnits, string currency)
    {
        var zeroDecimal = ZeroDecimal.Contains(currency);
        var major = zeroDecimal ? minorUnits : minorUnits / 100m;
        var number = major.ToString(zeroDecimal ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        return Symbols.TryGetValue(currency, out var symbol) ? symbol + number : $"{currency.ToUpperInvariant()}\u00a0{number}";
    }
}
