using PolarBilling.Client;

namespace PolarBilling.Emulator.Orders;

/// <summary>Everything <see cref="OrderEngine.Create"/> needs to bill a customer once: who, for what, why, which lines.</summary>
/// <param name="Customer">The customer billed.</param>
/// <param name="Product">The product the order is for (Polar's <c>order.product</c>).</param>
/// <param name="BillingReason"><c>purchase</c>, <c>subscription_create</c>, <c>subscription_cycle</c> or <c>subscription_update</c>.</param>
/// <param name="Lines">The items; the subtotal is their sum.</param>
/// <param name="Currency">Lowercase ISO currency of every line.</param>
/// <param name="Discount">Applied to the non-proration lines, as Polar does (prorations carry last period's discount already).</param>
/// <param name="Subscription">The subscription billed, if any.</param>
/// <param name="CheckoutId">The checkout the order comes from, if any.</param>
/// <param name="Metadata">Copied to the order (from the checkout or subscription).</param>
/// <param name="Paid">Whether the payment succeeded already (<c>paid</c>) or is still to come (<c>pending</c>).</param>
/// <param name="Seats">Seats bought, for a seat-based price (Polar's <c>order.seats</c>).</param>
internal sealed record OrderDraft(
    Customer Customer,
    Product Product,
    OrderBillingReason BillingReason,
    IReadOnlyList<OrderLine> Lines,
    string Currency,
    Discount? Discount = null,
    Subscription? Subscription = null,
    string? CheckoutId = null,
    Dictionary<string, MetadataValue>? Metadata = null,
    bool Paid = true,
    long? Seats = null);
