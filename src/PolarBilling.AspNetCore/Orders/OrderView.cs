namespace PolarBilling.AspNetCore.Orders;

/// <summary>One payment of the user's history (<c>GET {prefix}/billing/orders</c>); amounts in minor units of <c>currency</c>.</summary>
internal sealed record OrderView(
    string Id,
    DateTimeOffset? CreatedAt,
    string Status,
    string BillingReason,
    string? ProductId,
    string? Plan,
    long Subtotal,
    long Discount,
    long Tax,
    long Total,
    long Refunded,
    string Currency,
    string? InvoiceUrl);
