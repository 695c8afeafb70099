using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>Applies a subscription's pending update at the start of its next period (Polar's <c>SubscriptionUpdate.apply_update</c> in <c>cycle</c>).</summary>
internal static class PendingUpdates
{
    /// <summary>Applies and clears the pending update; <see langword="true"/> when the billing interval changed.</summary>
    public static bool Apply(EmulatorState state, Subscription subscription, SubscriptionLedger ledger)
    {
        if (subscription.PendingUpdate is not { } pending)
        {
            return false;
        }

        var intervalChanged = false;
        if (pending.Seats is { } seats)
        {
            subscription.Seats = seats;
        }

        if (pending.ProductId is { } productId && state.Products.Find(productId) is { } product)
        {
            intervalChanged = product.RecurringInterval != subscription.RecurringInterval || (product.RecurringIntervalCount ?? 1) != subscription.RecurringIntervalCount;
            var choice = ledger.PendingDiscountUnset ? new DiscountChoice(null) : ledger.PendingDiscountId is { } id ? new DiscountChoice(id) : null;
            var prices = SubscriptionsApi.CurrentPrices(product, subscription.Currency);
            ProductSwitch.Apply(state, subscription, ledger, product, prices, choice, state.Discounts.Find(ledger.PendingDiscountId));
        }
        else
        {
            SubscriptionEngine.SetPrices(ledger, subscription, subscription.Prices, CustomAmount(subscription, ledger));
        }

        subscription.PendingUpdate = null;
        ledger.ClearPendingUpdateDetails();
        return intervalChanged;
    }

    // A custom price keeps the amount the customer chose.
    private static long? CustomAmount(Subscription subscription, SubscriptionLedger ledger) =>
        subscription.Prices.OfType<ProductPriceCustom>().Select(p => ledger.PriceAmounts.TryGetValue(p.Id, out var amount) ? amount : (long?)null).FirstOrDefault();
}
