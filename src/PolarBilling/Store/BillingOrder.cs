namespace PolarBilling.Store;

/// <summary>A Polar order: one line of the payment history (table <c>billing_orders</c>). Amounts are minor units.</summary>
public sealed class BillingOrder : BillingRow
{
    /// <summary>The Polar customer id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The subscription the order bills, if any.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>The product bought, if any.</summary>
    public string? ProductId { get; set; }

    /// <summary>Polar's status: <c>pending</c>, <c>paid</c>, <c>refunded</c>, <c>partially_refunded</c>, <c>void</c>.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Polar's <c>billing_reason</c>: <c>purchase</c>, <c>subscription_create</c>, <c>subscription_cycle</c>, <c>subscription_update</c>.</summary>
    public string BillingReason { get; set; } = string.Empty;

    /// <summary>Amount before discount and tax.</summary>
    public long SubtotalAmount { get; set; }

    /// <summary>Discount amount.</summary>
    public long DiscountAmount { get; set; }

    /// <summary>Tax amount.</summary>
    public long TaxAmount { get; set; }

    /// <summary>Total charged.</summary>
    public long TotalAmount { get; set; }

    /// <summary>Amount refunded so far.</summary>
    public long RefundedAmount { get; set; }

    /// <summary>Lowercase ISO 4217 currency.</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>Whether the order is paid.</summary>
    public bool Paid { get; set; }

    /// <summary>The earliest Polar time at which the order was seen paid (its <c>modified_at</c> then).</summary>
    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>The invoice number, once Polar generated one.</summary>
    public string? InvoiceNumber { get; set; }
}
