using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Polar's <c>handle_success</c> once the payment (or the free confirmation) went through: a recurring product starts
/// the subscription and bills its first order (<c>subscription_create</c>; during a trial a paid order of 0 with the
/// trial line, Polar's <c>create_trial_order</c>), or, for a checkout with <c>subscription_id</c>, upgrades that free
/// subscription in place and bills it as <c>subscription_update</c>; a one-time product bills a <c>purchase</c> order; the checkout
/// becomes <c>succeeded</c> (<c>checkout.updated</c>); then the benefit grant jobs run.
/// </summary>
internal static class CheckoutFulfillment
{
    public static void Succeed(EmulatorState state, Checkout checkout, Customer customer)
    {
        var product = state.Products.Get(checkout.ProductId!);
        var prices = CheckoutViews.SelectedPrices(checkout);
        var discount = state.Discounts.Find(checkout.DiscountId);
        Subscription? subscription = null;
        Order order;
        if (product.IsRecurring)
        {
            var custom = prices.OfType<ProductPriceCustom>().Any() ? checkout.Amount : (long?)null;
            var start = new SubscriptionStart(
                customer, product, prices, discount, checkout.TrialEnd, checkout.Id, checkout.Metadata, checkout.Seats, custom, GrantBenefits: false);

            // Polar's create_or_update_from_checkout: a checkout for a free subscription upgrades that subscription in
            // place, and its first order is then billed as subscription_update instead of subscription_create.
            var upgraded = checkout.SubscriptionId is { } upgradeId ? state.Subscriptions.Get(upgradeId) : null;
            subscription = upgraded is null ? SubscriptionEngine.Start(state, start) : SubscriptionUpgrade.FromCheckout(state, upgraded, start);
            var reason = upgraded is null ? OrderBillingReason.SubscriptionCreate : OrderBillingReason.SubscriptionUpdate;
            var trial = subscription.Status == SubscriptionStatus.Trialing;
            var lines = trial ? [TrialLine(product, subscription)] : Lines(product, prices, checkout);
            order = OrderEngine.Create(state, new OrderDraft(
                customer, product, reason, lines, checkout.Currency, trial ? null : discount, subscription, checkout.Id, checkout.Metadata, Seats: checkout.Seats));
        }
        else
        {
            order = OrderEngine.Create(state, new OrderDraft(
                customer, product, OrderBillingReason.Purchase, Lines(product, prices, checkout), checkout.Currency, discount, null, checkout.Id, checkout.Metadata, Seats: checkout.Seats));
        }

        checkout.Status = CheckoutStatus.Succeeded;
        CheckoutEvents.Updated(state, checkout);
        if (subscription is not null)
        {
            BenefitGrantEngine.GrantForSubscription(state, subscription);
        }
        else if (!prices.OfType<ProductPriceSeatBased>().Any())
        {
            // Seat-based purchases grant benefits when seats are claimed, as in Polar.
            BenefitGrantEngine.GrantForOrder(state, order);
        }
    }

    // Polar's OrderItem.from_price for each static price of the checkout (metered prices bill at the period's end).
    private static List<OrderLine> Lines(Product product, IReadOnlyList<ProductPrice> prices, Checkout checkout) =>
        [.. prices.Where(PriceAmounts.IsStatic).Select(price => new OrderLine(
            product.Name,
            price switch
            {
                ProductPriceCustom => checkout.Amount,
                _ => PriceAmounts.Of(price, checkout.Seats, checkout.Amount) ?? 0,
            },
            Proration: false,
            price.Id))];

    // Polar's OrderItem.from_trial, dates in Babel's en_US medium format ("Nov 2, 2026").
    private static OrderLine TrialLine(Product product, Subscription subscription)
    {
        var start = subscription.TrialStart!.Value.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
        var end = subscription.TrialEnd!.Value.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
        return new OrderLine($"Trial period for {product.Name} ({start} - {end})", 0, Proration: false, ProductPriceId: null);
    }
}
