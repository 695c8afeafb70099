using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Emulator.Meters;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// What a subscription's metered price bills for a span (Polar's <c>_get_metered_line_item</c> and
/// <c>ProductPriceMeteredUnit.get_amount_and_label</c>): units consumed, minus credited units, times the unit amount,
/// rounded half away from zero (<c>polar_round</c>), capped at <c>cap_amount</c>.
/// </summary>
internal static class MeteredUsage
{
    public static Usage Measure(EmulatorState state, Subscription subscription, Meter meter, DateTimeOffset start, DateTimeOffset end)
    {
        var consumed = MeterEngine.Quantity(state, meter, subscription.CustomerId, start, end);
        var credited = CreditedUnits(state, subscription.CustomerId, meter.Id, start, end);
        var price = subscription.Prices.OfType<ProductPriceMeteredUnit>().FirstOrDefault(p => p.MeterId == meter.Id);
        if (price is null)
        {
            return new Usage(consumed, credited, 0, string.Empty, null);
        }

        var units = consumed - credited;
        var billable = (decimal)Math.Max(0, units);
        var amount = RoundHalfAwayFromZero(price.UnitAmount * billable);
        var label = $"{meter.Name} — ({Math.Max(0, units).ToString("#,0.##########", CultureInfo.InvariantCulture)} consumed units) × {Money(price.UnitAmount, subscription.Currency)}";
        if (price.CapAmount is { } cap && amount > cap)
        {
            amount = cap;
            label += $" — Capped at {Money(cap, subscription.Currency)}";
        }

        return new Usage(consumed, credited, amount, label, price.Id);
    }

    /// <summary>Units credited by <c>meter.credited</c> system events in the span, a running sum that never goes below zero.</summary>
    public static long CreditedUnits(EmulatorState state, string customerId, string meterId, DateTimeOffset start, DateTimeOffset end)
    {
        long total = 0;
        foreach (var credit in state.Events.All.OfType<MeterCreditEvent>()
            .Where(e => e.CustomerId == customerId && e.Metadata.MeterId == meterId && e.Timestamp >= start && e.Timestamp < end)
            .OrderBy(e => e.Timestamp))
        {
            total = Math.Max(0, total + credit.Metadata.Units);
        }

        return total;
    }

    /// <summary>Polar's <c>polar_round</c>: to the nearest integer, .5 away from zero.</summary>
    public static long RoundHalfAwayFromZero(decimal value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>Cents shown as Polar's <c>format_currency</c> shows them, e.g. <c>$0.05</c> or <c>$29</c> (approximated for non-USD currencies).</summary>
    public static string Money(decimal cents, string currency)
    {
        var units = cents / 100m;
        var symbol = currency.ToUpperInvariant() switch
        {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            _ => currency.ToUpperInvariant() + " ",
        };
        return symbol + units.ToString(units == decimal.Truncate(units) ? "#,0.00" : "#,0.00##########", CultureInfo.InvariantCulture);
    }

    /// <summary>One meter's usage over a span and its billed line.</summary>
    internal sealed record Usage(double ConsumedUnits, long CreditedUnits, long Amount, string Label, string? ProductPriceId);
}
