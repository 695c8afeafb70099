using System.Globalization;

namespace SaasStarter.Pages;

/// <summary>Formats minor units for display (2900 usd -> "$29.00").</summary>
internal static class Money
{
    public static string Format(long minorUnits, string currency) =>
        currency.Equals("usd", StringComparison.OrdinalIgnoreCase)
            ? (minorUnits / 100m).ToString("$#,0.00", CultureInfo.InvariantCulture)
            : (minorUnits / 100m).ToString("#,0.00", CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();
}
