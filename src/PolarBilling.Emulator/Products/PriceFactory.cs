using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Products;

/// <summary>Turns one price of a create or update body into the <see cref="ProductPrice"/> Polar stores.</summary>
internal static class PriceFactory
{
    /// <summary>
    /// A new catalog price for <paramref name="productId"/>. The legacy <c>amount_type: "free"</c> becomes a fixed
    /// price of 0: Polar removed the free type but still accepts it on input.
    /// </summary>
    public static ProductPrice Create(EmulatorState state, JsonElement input, string productId)
    {
        var type = input.GetProperty("amount_type").GetString();
        ProductPrice price = type switch
        {
            "fixed" => new ProductPriceFixed { PriceAmount = input.GetProperty("price_amount").GetInt64() },
            "free" => new ProductPriceFixed { PriceAmount = 0 },
            "custom" => new ProductPriceCustom
            {
                MinimumAmount = Long(input, "minimum_amount") ?? 50,
                MaximumAmount = Long(input, "maximum_amount"),
                PresetAmount = Long(input, "preset_amount"),
            },
            "seat_based" => new ProductPriceSeatBased { SeatTiers = SeatTiers(input.GetProperty("seat_tiers")) },
            "metered_unit" => Metered(input),
            _ => throw new JsonException($"Unknown amount_type '{type}'."),
        };
        price.Id = PolarTokens.NewId();
        price.CreatedAt = state.Now;
        price.ModifiedAt = null;
        price.Source = ProductPriceSource.Catalog;
        price.PriceCurrency = input.TryGetProperty("price_currency", out var currency) && currency.ValueKind == JsonValueKind.String ? currency.GetString()! : "usd";
        price.TaxBehavior = input.TryGetProperty("tax_behavior", out var tax) && tax.ValueKind == JsonValueKind.String ? new TaxBehaviorOption(tax.GetString()!) : null;
        price.IsArchived = false;
        price.ProductId = productId;
        return price;
    }

    /// <summary>Fixed, custom and seat-based prices: the ones a product may hold one of each (per currency).</summary>
    public static bool IsStatic(ProductPrice price) => price is ProductPriceFixed or ProductPriceCustom or ProductPriceSeatBased;

    /// <summary>Polar's order of a product's prices: static ones first, then metered, each by creation.</summary>
    public static List<ProductPrice> Ordered(IEnumerable<ProductPrice> prices) =>
        [.. prices.OrderBy(p => IsStatic(p) ? 0 : 1).ThenBy(p => p.CreatedAt)];

    private static ProductPriceMeteredUnit Metered(JsonElement input)
    {
        var unit = input.GetProperty("unit_amount");
        return new ProductPriceMeteredUnit
        {
            MeterId = input.GetProperty("meter_id").GetString()!,
            UnitAmount = unit.ValueKind == JsonValueKind.String ? decimal.Parse(unit.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : unit.GetDecimal(),
            CapAmount = Long(input, "cap_amount"),
        };
    }

    /// <summary>Tiers sorted by <c>min_seats</c>; the minimum and maximum seats come from the first and last tier.</summary>
    private static ProductPriceSeatTiers SeatTiers(JsonElement input)
    {
        var tiers = PolarJson.Deserialize<List<ProductPriceSeatTier>>(input.GetProperty("tiers").GetRawText())
            .OrderBy(t => t.MinSeats)
            .ToList();
        return new ProductPriceSeatTiers
        {
            SeatTierType = input.TryGetProperty("seat_tier_type", out var kind) && kind.ValueKind == JsonValueKind.String ? new SeatTierType(kind.GetString()!) : SeatTierType.Volume,
            Tiers = tiers,
            MinimumSeats = tiers[0].MinSeats,
            MaximumSeats = tiers[^1].MaxSeats,
        };
    }

    private static long? Long(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
