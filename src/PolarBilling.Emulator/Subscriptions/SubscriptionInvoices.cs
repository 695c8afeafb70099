using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Turns a subscription's billing entries into orders (Polar's <c>create_subscription_order</c>): a plan or seat change
/// billed now (<c>subscription_update</c>) and a new period (<c>subscription_cycle</c>) with its waiting prorations
/// and metered usage. Labels as Polar's <c>_get_static_price_line_item</c>, dates as Babel's en_US medium format.
/// </summary>
internal static class SubscriptionInvoices
{
    /// <summary>
    /// 402 <c>PaymentFailed</c> when the customer's saved card would be refused (Polar charges an update synchronously
    /// and rolls the whole change back). A customer who never paid by card is charged as with the default test card.
    /// </summary>
    public static void EnsureChargeable(EmulatorState state, Subscription subscription)
    {
        if (state.Checkouts.Cards.CardOf(subscription.CustomerId) is { Pays: false } card)
        {
            throw Problems.Error(402, "PaymentFailed", card.FailureDetail);
        }
    }

    /// <summary>Bills the waiting proration entries now: an order with billing reason <c>subscription_update</c>.</summary>
    public static Order? BillUpdateNow(EmulatorState state, Subscription subscription)
    {
        var ledger = state.Subscriptions.Ledger(subscription.Id);
        if (ledger.PendingEntries.Count == 0)
        {
            return null;
        }

        var lines = ledger.PendingEntries.Select(e => Line(state, e)).ToList();
        ledger.PendingEntries.Clear();
        return Create(state, subscription, OrderBillingReason.SubscriptionUpdate, lines, discount: null, paid: true);
    }

    /// <summary>
    /// The order of a period that ended at <paramref name="usageEnd"/>: waiting prorations, the new period's static
    /// prices (unless the subscription ended), and the metered usage since the last usage start.
    /// </summary>
    public static Order CycleOrder(EmulatorState state, Subscription subscription, DateTimeOffset usageStart, DateTimeOffset usageEnd, bool billNewPeriod, bool paid)
    {
        var ledger = state.Subscriptions.Ledger(subscription.Id);
        var lines = ledger.PendingEntries.Select(e => Line(state, e)).ToList();
        ledger.PendingEntries.Clear();
        var productName = state.Products.Find(subscription.ProductId)?.Name ?? subscription.Product.Name;
        if (billNewPeriod)
        {
            foreach (var price in subscription.Prices.Where(PriceAmounts.IsStatic))
            {
                var label = $"{PriceLabel(productName, price, subscription.Seats)} — From {Date(subscription.CurrentPeriodStart)} to {Date(subscription.CurrentPeriodEnd)}";
                lines.Add(new OrderLine(label, ledger.PriceAmounts.GetValueOrDefault(price.Id), Proration: false, price.Id));
            }
        }

        foreach (var meterLine in subscription.Meters)
        {
            if (state.Meters.Find(meterLine.MeterId) is { } meter
                && MeteredUsage.Measure(state, subscription, meter, usageStart, usageEnd) is { ProductPriceId: not null } usage)
            {
                lines.Add(new OrderLine(usage.Label, usage.Amount, Proration: false, usage.ProductPriceId));
            }
        }

        var discount = state.Discounts.Find(subscription.DiscountId);
        return Create(state, subscription, OrderBillingReason.SubscriptionCycle, lines, discount, paid);
    }

    /// <summary>Whether an off-session charge of the subscription's customer would go through.</summary>
    public static bool Pays(EmulatorState state, Subscription subscription) =>
        state.Checkouts.Cards.CardOf(subscription.CustomerId) is not { Pays: false };

    private static Order Create(EmulatorState state, Subscription subscription, OrderBillingReason reason, List<OrderLine> lines, Discount? discount, bool paid)
    {
        var customer = state.Customers.Get(subscription.CustomerId);
        var product = state.Products.Get(subscription.ProductId);
        return OrderEngine.Create(state, new OrderDraft(
            customer, product, reason, lines, subscription.Currency, discount, SubscriptionViews.Refresh(state, subscription),
            Metadata: subscription.Metadata, Paid: paid, Seats: subscription.Seats));
    }

    private static OrderLine Line(EmulatorState state, BillingEntry entry)
    {
        var productName = state.Products.Find(entry.ProductId)?.Name ?? string.Empty;
        var price = state.Products.FindPrice(entry.ProductPriceId);
        var priceLabel = entry.OldSeats is { } oldSeats && entry.NewSeats is { } newSeats
            ? $"{productName} ({oldSeats} → {newSeats} seats)"
            : PriceLabel(productName, price, null);
        var span = $"From {Date(entry.Start)} to {Date(entry.End)}";
        var label = entry.Credit ? $"Remaining time on {priceLabel} — {span}" : $"{priceLabel} — {span}";
        return new OrderLine(label, entry.SignedAmount, Proration: true, entry.ProductPriceId);
    }

    // Polar's OrderItem.format_price_label: the product name, with the seat count for a seat price (approximation).
    private static string PriceLabel(string productName, ProductPrice? price, long? seats) =>
        price is ProductPriceSeatBased && seats is { } count ? $"{productName} ({count} {(count == 1 ? "seat" : "seats")})" : productName;

    /// <summary>Babel's <c>format_date(locale="en_US")</c>: <c>Nov 2, 2026</c>.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
}
