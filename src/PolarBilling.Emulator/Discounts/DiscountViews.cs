using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Discounts;

/// <summary>A discount as Polar answers it now: its <c>products</c> read from the product store, not from when it was saved.</summary>
internal static class DiscountViews
{
    public static Discount Refresh(EmulatorState state, Discount discount)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(discount);
        discount.Products = [.. discount.Products
            .Select(p => state.Products.Find(p.Id))
            .OfType<Product>()
            .Select(ModelProjection.As<DiscountProduct>)];
        return discount;
    }
}
