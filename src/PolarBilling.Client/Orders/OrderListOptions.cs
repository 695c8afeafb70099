using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <see cref="OrdersService.ListAsync"/>: every filter of <c>GET /v1/orders/</c>. Unset filters are not
/// sent; several values in one filter match any of them. Sort keys: <c>created_at</c> (Polar's default
/// <c>-created_at</c>), <c>status</c>, <c>invoice_number</c>, <c>amount</c>, <c>net_amount</c>, <c>customer</c>,
/// <c>product</c>, <c>discount</c>, <c>subscription</c>.
/// </summary>
public sealed class OrderListOptions : ListOptions
{
    /// <summary>Only these organizations (needed with user tokens only).</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only orders for these products.</summary>
    public IList<string>? ProductId { get; set; }

    /// <summary>Only one-time purchases or only subscription orders.</summary>
    public IList<ProductBillingType>? ProductBillingType { get; set; }

    /// <summary>Only orders with these discounts.</summary>
    public IList<string>? DiscountId { get; set; }

    /// <summary>Only these customers, by Polar id.</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only these customers, by your external id.</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary>Only orders from these checkouts.</summary>
    public IList<string>? CheckoutId { get; set; }

    /// <summary>Only orders of these subscriptions (renewals, upgrades).</summary>
    public IList<string>? SubscriptionId { get; set; }

    /// <summary>Only these statuses, e.g. <see cref="OrderStatus.Paid"/>.</summary>
    public IList<OrderStatus>? Status { get; set; }

    /// <summary>Created after this instant.</summary>
    public DateTimeOffset? CreatedAfter { get; set; }

    /// <summary>Created before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; set; }

    /// <summary>Only orders whose metadata has all these pairs (sent as <c>metadata[key]=value</c>).</summary>
    public IDictionary<string, MetadataValue>? Metadata { get; set; }

    private protected override void AddFilters(PolarQuery query) => query
        .Add("organization_id", OrganizationId)
        .Add("product_id", ProductId)
        .Add("product_billing_type", ProductBillingType)
        .Add("discount_id", DiscountId)
        .Add("customer_id", CustomerId)
        .Add("external_customer_id", ExternalCustomerId)
        .Add("checkout_id", CheckoutId)
        .Add("subscription_id", SubscriptionId)
        .Add("status", Status)
        .Add("created_after", CreatedAfter)
        .Add("created_before", CreatedBefore)
        .AddMetadata(Metadata);
}
