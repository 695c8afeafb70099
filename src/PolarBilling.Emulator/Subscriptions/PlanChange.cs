using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Polar's <c>update_product</c>: moves a subscription to another recurring product. <c>invoice</c> bills the
/// prorations now, <c>prorate</c> keeps them for the next renewal, <c>next_period</c> schedules the change as a
/// pending update for the period end. Trials are not billed; benefits follow the new product.
/// </summary>
internal static class PlanChange
{
    public static void Apply(EmulatorState state, SubscriptionChange change, string productId, string behavior, DiscountChoice? discountChoice)
    {
        var subscription = change.Subscription;
        if (SubscriptionStates.IsRevoked(subscription.Status) || subscription.CancelAtPeriodEnd)
        {
            throw SubscriptionProblems.AlreadyCanceled();
        }

        var product = state.Products.Find(productId);
        var prices = product is null ? [] : SubscriptionsApi.CurrentPrices(product, subscription.Currency)
            .Where(p => string.Equals(p.PriceCurrency, subscription.Currency, StringComparison.OrdinalIgnoreCase)).ToList();
        var problem = product switch
        {
            null => "Product does not exist.",
            { IsArchived: true } => "Product is archived.",
            { IsRecurring: false } => "Product is not recurring.",
            _ when product.Prices.Any(p => p is LegacyRecurringProductPrice) => "Product has legacy recurring prices.",
            _ when prices.Count == 0 => "This product doesn't have a price for the subscription currency.",
            _ when prices.Any(p => p is ProductPriceCustom) => "Can't update to a product with custom prices.",
            _ when subscription.Prices.Any(p => p is ProductPriceSeatBased) && !prices.Any(p => p is ProductPriceSeatBased) => "Can't switch from a seat-based to a non-seat-based product.",
            _ => null,
        };
        if (problem is not null)
        {
            throw Problems.InvalidField("product_id", problem, JsonValue.Create(productId));
        }

        var now = state.Now;
        var ledger = state.Subscriptions.Ledger(subscription.Id);
        var oldProduct = state.Products.Get(subscription.ProductId);
        var wasTrialing = subscription.Status == SubscriptionStatus.Trialing;
        var endsTrial = false;
        DateTimeOffset? newTrialEnd = null;
        if (wasTrialing)
        {
            var candidate = product!.TrialInterval is { } trialInterval && product.TrialIntervalCount is { } trialCount
                ? BillingPeriods.TrialEnd(subscription.TrialStart ?? now, trialInterval, trialCount)
                : (DateTimeOffset?)null;
            endsTrial = candidate is null || candidate <= now;
            newTrialEnd = endsTrial ? null : candidate;
        }

        var initialSeats = !subscription.Prices.Any(p => p is ProductPriceSeatBased) && prices.Any(p => p is ProductPriceSeatBased);
        if (initialSeats && behavior == "next_period")
        {
            throw Problems.InvalidField("proration_behavior", "Switching from a non-seat to a seat-based product must apply immediately and can't use the 'next_period' proration behavior.", JsonValue.Create(behavior));
        }

        var newDiscount = discountChoice is null ? null : SubscriptionDiscountChange.Resolve(state, subscription, discountChoice, product!.Id, redeem: false);
        if (behavior == "next_period")
        {
            Redeem(state, subscription, newDiscount);
            Schedule(state, subscription, ledger, product!, discountChoice, newDiscount);
            return;
        }

        var intervalChanged = product!.RecurringInterval != subscription.RecurringInterval || (product.RecurringIntervalCount ?? 1) != subscription.RecurringIntervalCount;
        var cycleStart = intervalChanged ? now : subscription.CurrentPeriodStart;
        var cycleEnd = intervalChanged ? BillingPeriods.Next(now, now.Day, product.RecurringInterval!.Value, product.RecurringIntervalCount ?? 1) : subscription.CurrentPeriodEnd;
        if (initialSeats)
        {
            subscription.Seats = PriceAmounts.MinimumSeats(prices.OfType<ProductPriceSeatBased>().First());
        }

        var afterDiscount = discountChoice is null ? state.Discounts.Find(subscription.DiscountId) : newDiscount;
        var entries = Prorations.ForProductChange(subscription, ledger, oldProduct, product, prices, state.Discounts.Find(subscription.DiscountId), afterDiscount, now, cycleStart, cycleEnd);
        var bills = !wasTrialing && entries.Count > 0 && (behavior == "invoice" || intervalChanged);
        if (bills)
        {
            SubscriptionInvoices.EnsureChargeable(state, subscription);
        }

        Redeem(state, subscription, newDiscount);
        SystemEventLog.Record(state, new SubscriptionProductUpdatedEvent { Metadata = new SubscriptionProductUpdatedMetadata { SubscriptionId = subscription.Id, OldProductId = oldProduct.Id, NewProductId = product.Id } }, subscription.CustomerId);
        SubscriptionPeriodChange.DropPendingUpdate(subscription, ledger);
        if (!wasTrialing)
        {
            ledger.PendingEntries.AddRange(entries);
        }

        ProductSwitch.Apply(state, subscription, ledger, product, prices, discountChoice, newDiscount);
        if (intervalChanged)
        {
            subscription.CurrentPeriodStart = cycleStart;
            subscription.CurrentPeriodEnd = cycleEnd;
            ledger.AnchorDay = now.Day;
        }

        if (wasTrialing)
        {
            subscription.TrialEnd = subscription.CurrentPeriodEnd = endsTrial ? now : newTrialEnd!.Value;
        }

        if (wasTrialing && endsTrial)
        {
            change.CycleNow = true;
        }
        else if (bills)
        {
            change.BillNow = true;
        }

        change.Defer(() => BenefitGrantEngine.GrantForSubscription(state, subscription));
    }

    // The discount is counted as redeemed only once nothing can fail any more (Polar rolls the redemption back otherwise).
    private static void Redeem(EmulatorState state, Subscription subscription, Discount? discount)
    {
        if (discount is not null)
        {
            Discounts.DiscountRules.Redeem(state, discount, subscription.CustomerId);
        }
    }

    private static void Schedule(EmulatorState state, Subscription subscription, SubscriptionLedger ledger, Product product, DiscountChoice? choice, Discount? discount)
    {
        var pending = subscription.PendingUpdate ?? new PendingSubscriptionUpdate { Id = PolarTokens.NewId(), CreatedAt = state.Now };
        pending.ModifiedAt = subscription.PendingUpdate is null ? null : state.Now;
        pending.AppliesAt = subscription.CurrentPeriodEnd;
        pending.ProductId = product.Id;
        subscription.PendingUpdate = pending;
        ledger.PendingProrationBehavior = "next_period";
        ledger.PendingDiscountId = discount?.Id;
        ledger.PendingDiscountUnset = choice is { Unset: true };
    }
}
