using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Starts, answers and ends subscriptions the way Polar's <c>subscription/service.py</c> does, for the subscriptions
/// API and for the other areas (checkouts start them, customer deletion revokes them). Call under the state lock.
/// </summary>
internal static class SubscriptionEngine
{
    /// <summary>
    /// Creates an <c>active</c> (or <c>trialing</c>) subscription for the current period and announces it as Polar's
    /// <c>create_or_update_from_checkout</c>: <c>subscription.created</c>, <c>subscription.active</c>,
    /// <c>subscription.updated</c>, <c>customer.state_changed</c>, then (unless <see cref="SubscriptionStart.GrantBenefits"/>
    /// is off) the benefit grants. No order: the caller bills the first period with billing reason <c>subscription_create</c>.
    /// </summary>
    public static Subscription Start(EmulatorState state, SubscriptionStart start)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(start);
        var product = start.Product;
        var interval = product.RecurringInterval ?? throw new InvalidOperationException($"Product {product.Id} is not recurring.");
        var count = product.RecurringIntervalCount ?? 1;
        var now = state.Now;
        var subscription = new Subscription
        {
            Id = PolarTokens.NewId(),
            CreatedAt = now,
            Currency = start.Prices.Select(p => p.PriceCurrency).FirstOrDefault() ?? "usd",
            RecurringInterval = interval,
            RecurringIntervalCount = count,
            Status = start.TrialEnd is null ? SubscriptionStatus.Active : SubscriptionStatus.Trialing,
            CurrentPeriodStart = now,
            CurrentPeriodEnd = start.TrialEnd ?? BillingPeriods.Next(now, now.Day, interval, count),
            TrialStart = start.TrialEnd is null ? null : now,
            TrialEnd = start.TrialEnd,
            StartedAt = now,
            CustomerId = start.Customer.Id,
            ProductId = product.Id,
            DiscountId = start.Discount?.Id,
            CheckoutId = start.CheckoutId,
            Seats = start.Prices.OfType<ProductPriceSeatBased>().Any() ? start.Seats ?? PriceAmounts.MinimumSeats(start.Prices.OfType<ProductPriceSeatBased>().First()) : null,
            Metadata = start.Metadata is null ? [] : new Dictionary<string, MetadataValue>(start.Metadata),
            Prices = [.. start.Prices],
        };
        var ledger = state.Subscriptions.Ledger(subscription.Id);
        ledger.AnchorDay = now.Day;
        ledger.UsageStart = now;
        SetPrices(ledger, subscription, start.Prices, start.CustomAmount);

        // A discount pays off the first charge at checkout unless a trial delays that charge.
        ledger.DiscountAppliedAt = start.Discount is not null && start.TrialEnd is null ? now : null;
        subscription.Meters = [.. start.Prices.OfType<ProductPriceMeteredUnit>().Select(p => p.MeterId).Distinct(StringComparer.Ordinal)
            .Select(meterId => new SubscriptionMeter { Id = PolarTokens.NewId(), CreatedAt = now, MeterId = meterId })];
        state.Subscriptions.Add(subscription);

        SubscriptionNotices.Emit(state, subscription, s => new SubscriptionCreatedWebhookEvent(s, state.Now));
        SubscriptionNotices.Emit(state, subscription, s => new SubscriptionActiveWebhookEvent(s, state.Now));
        SubscriptionNotices.Emit(state, subscription, s => new SubscriptionUpdatedWebhookEvent(s, state.Now));
        SubscriptionNotices.CustomerStateChanged(state, subscription.CustomerId);
        if (start.GrantBenefits)
        {
            BenefitGrantEngine.GrantForSubscription(state, subscription);
        }

        return subscription;
    }

    /// <summary>
    /// What Polar's customer deletion does to billing: every billable subscription revoked now (<c>cancel_customer</c>:
    /// <c>subscription.updated</c>, <c>subscription.canceled</c>, <c>subscription.revoked</c> each), then every grant of
    /// the customer revoked (<c>enqueue_customer_grant_deletions</c>: <c>benefit_grant.revoked</c> each).
    /// </summary>
    public static void RevokeAllForCustomer(EmulatorState state, string customerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var billable = state.Subscriptions.All
            .Where(s => s.CustomerId == customerId && SubscriptionStates.IsBillable(s.Status))
            .ToList();
        foreach (var subscription in billable)
        {
            SubscriptionLifecycle.Revoke(state, subscription, reason: null, comment: null, revokeBenefits: false);
        }

        BenefitGrantEngine.RevokeAllForCustomer(state, customerId);
    }

    /// <summary>Fills the embedded customer, product, discount, prices, meters and pending update from the stores, for an answer or a webhook.</summary>
    public static Subscription Refresh(EmulatorState state, Subscription subscription) =>
        SubscriptionViews.Refresh(state, subscription);

    /// <summary>Records the amount of each static price and the subscription's total (Polar's <c>subscription.amount</c>).</summary>
    internal static void SetPrices(SubscriptionLedger ledger, Subscription subscription, IReadOnlyList<ProductPrice> prices, long? customAmount)
    {
        ledger.PriceAmounts.Clear();
        foreach (var price in prices)
        {
            if (PriceAmounts.Of(price, subscription.Seats, customAmount) is { } amount)
            {
                ledger.PriceAmounts[price.Id] = amount;
            }
        }

        subscription.Prices = [.. prices];
        subscription.Amount = ledger.PriceAmounts.Values.Sum();
    }
}
