using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// A checkout with <c>subscription_id</c> paid: the existing (free) subscription becomes the checkout's product, as
/// the update branch of Polar's <c>create_or_update_from_checkout</c> does. A new cycle starts from the checkout (with
/// its trial, if any); <c>subscription.updated</c> and the usual follow-ups are sent, then the benefits follow the new
/// product. The caller bills the first order (<c>subscription_create</c>) as for a new subscription. Call under the state lock.
/// </summary>
internal static class SubscriptionUpgrade
{
    public static Subscription FromCheckout(EmulatorState state, Subscription subscription, SubscriptionStart start)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(start);
        var product = start.Product;
        var interval = product.RecurringInterval ?? throw new InvalidOperationException($"Product {product.Id} is not recurring.");
        var change = new SubscriptionChange(state, subscription);
        var now = state.Now;
        var ledger = state.Subscriptions.Ledger(subscription.Id);
        subscription.CurrentPeriodStart = now;
        subscription.CurrentPeriodEnd = start.TrialEnd ?? BillingPeriods.Next(now, now.Day, interval, product.RecurringIntervalCount ?? 1);
        subscription.TrialStart = start.TrialEnd is null ? null : now;
        subscription.TrialEnd = start.TrialEnd;
        subscription.Status = start.TrialEnd is null ? SubscriptionStatus.Active : SubscriptionStatus.Trialing;
        subscription.RecurringInterval = interval;
        subscription.RecurringIntervalCount = product.RecurringIntervalCount ?? 1;
        subscription.ProductId = product.Id;
        subscription.DiscountId = start.Discount?.Id;
        subscription.CheckoutId = start.CheckoutId;
        subscription.Metadata = start.Metadata is null ? [] : new Dictionary<string, MetadataValue>(start.Metadata);
        subscription.Seats = start.Seats;
        subscription.Meters = [.. start.Prices.OfType<ProductPriceMeteredUnit>().Select(p => p.MeterId).Distinct(StringComparer.Ordinal)
            .Select(meterId => new SubscriptionMeter { Id = PolarTokens.NewId(), CreatedAt = now, MeterId = meterId })];
        ledger.AnchorDay = now.Day;
        ledger.UsageStart = now;
        ledger.DiscountAppliedAt = start.Discount is not null && start.TrialEnd is null ? now : null;
        ledger.PendingEntries.Clear();
        SubscriptionPeriodChange.DropPendingUpdate(subscription, ledger);
        SubscriptionEngine.SetPrices(ledger, subscription, start.Prices, start.CustomAmount);
        if (start.GrantBenefits)
        {
            change.Defer(() => BenefitGrantEngine.GrantForSubscription(state, subscription));
        }

        return change.Complete();
    }
}
