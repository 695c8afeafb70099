using System.Globalization;

namespace SaasStarter.Pages;

/// <summary>Formats minor units for display (2900 usd -> "$29.00").</summary>
internal static class Money
{
    public static string Format(long minorUnits, string currency) => Format((decimal)minorUnits, currency, "#,0.00");

    /// <summary>A unit price in minor units, fractions allowed (1 usd -> "$0.01", 0.05 usd -> "$0.0005").</summary>
    public static string FormatUnitPrice(decimal minorUnits, string currency) => Format(minorUnits, currency, "#,0.00######");

    private static string Format(decimal minorUnits, string currency, string pattern) =>
        currency.Equals("usd", StringComparison.OrdinalIgnoreCase)
            ? (minorUnits / 100m).ToString("$" + pattern, CultureInfo.InvariantCulture)
            : (minorUnits / 100m).ToString(pattern, CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();
}
