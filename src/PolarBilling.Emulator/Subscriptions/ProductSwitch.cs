using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>Puts a subscription on another product now or at its renewal (Polar's <c>SubscriptionUpdate.apply_update</c>).</summary>
internal static class ProductSwitch
{
    /// <summary>Polar's <c>SubscriptionUpdate.apply_update</c>: product, prices, amount and (when asked) discount.</summary>
    public static void Apply(EmulatorState state, Subscription subscription, SubscriptionLedger ledger, Product product, IReadOnlyList<ProductPrice> prices, DiscountChoice? choice, Discount? discount)
    {
        subscription.ProductId = product.Id;
        subscription.RecurringInterval = product.RecurringInterval!.Value;
        subscription.RecurringIntervalCount = product.RecurringIntervalCount ?? 1;
        var meterIds = prices.OfType<ProductPriceMeteredUnit>().Select(p => p.MeterId).Distinct(StringComparer.Ordinal).ToList();
        subscription.Meters = [.. subscription.Meters.Where(m => meterIds.Contains(m.MeterId)),
            .. meterIds.Where(id => subscription.Meters.All(m => m.MeterId != id))
                .Select(id => new SubscriptionMeter { Id = PolarTokens.NewId(), CreatedAt = state.Now, MeterId = id })];
        SubscriptionEngine.SetPrices(ledger, subscription, prices, customAmount: null);
        if (choice is not null)
        {
            SubscriptionDiscountChange.Set(state, subscription, discount);
        }
    }
}
