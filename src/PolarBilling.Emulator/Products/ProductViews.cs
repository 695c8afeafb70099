using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Products;

/// <summary>
/// A product as Polar answers it at this moment: its benefits and the meters of its metered prices are read from
/// their stores, never trusted from when the product was saved. Every answer or webhook carrying a product (or
/// embedding one) goes through <see cref="Refresh"/>.
/// </summary>
internal static class ProductViews
{
    /// <summary>Brings the embedded benefits and meters of <paramref name="product"/> up to date; returns it.</summary>
    public static Product Refresh(EmulatorState state, Product product)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(product);
        product.Benefits = [.. product.Benefits
            .Select(b => state.Benefits.Find(b.Id))
            .OfType<Benefit>()
            .Where(b => !b.IsDeleted)];
        foreach (var price in product.Prices)
        {
            RefreshMeter(state, price);
        }

        return product;
    }

    /// <summary>The price with <paramref name="priceId"/> (archived or ad hoc too), meter refreshed, or <see langword="null"/>.</summary>
    public static ProductPrice? FindPrice(EmulatorState state, string? priceId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var price = state.Products.FindPrice(priceId);
        if (price is not null)
        {
            RefreshMeter(state, price);
        }

        return price;
    }

    /// <summary>Polar's embedded <c>meter</c> of a metered price: <c>{id, name, unit, custom_label, custom_multiplier}</c>.</summary>
    public static ProductPriceMeter MeterOf(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return new ProductPriceMeter
        {
            Id = meter.Id,
            Name = meter.Name,
            Unit = meter.Unit,
            CustomLabel = meter.CustomLabel,
            CustomMultiplier = meter.CustomMultiplier,
        };
    }

    private static void RefreshMeter(EmulatorState state, ProductPrice price)
    {
        if (price is ProductPriceMeteredUnit metered && state.Meters.Find(metered.MeterId) is { } meter)
        {
            metered.Meter = MeterOf(meter);
        }
    }
}
