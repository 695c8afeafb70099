using PolarBilling.Client;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>What each kind of price costs per period, as Polar's price models compute it.</summary>
internal static class PriceAmounts
{
    /// <summary>Whether the price is billed up front each period (fixed, custom, seat-based), i.e. not metered.</summary>
    public static bool IsStatic(ProductPrice price) => price is not ProductPriceMeteredUnit;

    /// <summary>The period amount of a static price; <see langword="null"/> for a metered price.</summary>
    public static long? Of(ProductPrice price, long? seats, long? customAmount) => price switch
    {
        ProductPriceFixed fixedPrice => fixedPrice.PriceAmount,
        LegacyRecurringProductPriceFixed legacy => legacy.PriceAmount,
        ProductPriceCustom custom => customAmount ?? custom.PresetAmount ?? custom.MinimumAmount,
        ProductPriceSeatBased seat => SeatAmount(seat.SeatTiers, seats ?? MinimumSeats(seat)),
        _ => null,
    };

    /// <summary>Polar's <c>get_minimum_seats</c>: the tiers' minimum, at least 1.</summary>
    public static long MinimumSeats(ProductPriceSeatBased price) =>
        Math.Max(1, price.SeatTiers.MinimumSeats > 0 ? price.SeatTiers.MinimumSeats : price.SeatTiers.Tiers.Select(t => t.MinSeats).DefaultIfEmpty(1).Min());

    /// <summary>Polar's <c>get_maximum_seats</c>: <see langword="null"/> when the last tier is open-ended.</summary>
    public static long? MaximumSeats(ProductPriceSeatBased price) =>
        price.SeatTiers.MaximumSeats ?? (price.SeatTiers.Tiers.Any(t => t.MaxSeats is null) ? null : price.SeatTiers.Tiers.Max(t => t.MaxSeats));

    /// <summary>
    /// Polar's <c>calculate_amount</c>: volume pricing charges every seat at the tier the count falls in; graduated
    /// pricing charges each seat at the tier it falls in.
    /// </summary>
    public static long SeatAmount(ProductPriceSeatTiers tiers, long seats)
    {
        var ordered = tiers.Tiers.OrderBy(t => t.MinSeats).ToList();
        if (ordered.Count == 0)
        {
            return 0;
        }

        if (tiers.SeatTierType == SeatTierType.Graduated)
        {
            long total = 0;
            foreach (var tier in ordered)
            {
                var upTo = Math.Min(seats, tier.MaxSeats ?? long.MaxValue);
                if (upTo >= tier.MinSeats)
                {
                    total += (upTo - tier.MinSeats + 1) * tier.PricePerSeat;
                }
            }

            return total;
        }

        var match = ordered.LastOrDefault(t => seats >= t.MinSeats && (t.MaxSeats is null || seats <= t.MaxSeats)) ?? ordered[^1];
        return match.PricePerSeat * seats;
    }
}
