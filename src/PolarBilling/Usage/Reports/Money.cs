using System.Globalization;

namespace PolarBilling.Usage.Reports;

/// <summary>Minor units shown as money for descriptions and emails, e.g. <c>$0.01</c>, <c>$49.00</c>, <c>EUR 1.50</c>.</summary>
internal static class Money
{
    public static string Format(decimal minorUnits, string currency)
    {
        var units = minorUnits / 100m;
        var symbol = currency.ToUpperInvariant() switch
        {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            var other => other + " ",
        };
        return symbol + units.ToString(units == decimal.Truncate(units * 100) / 100 ? "#,0.00" : "#,0.00##########", CultureInfo.InvariantCulture);
    }
}
