using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <see cref="RefundsService.ListAsync"/>: every filter of <c>GET /v1/refunds/</c>. Unset filters are not
/// sent; several values in one filter match any of them. Sort keys: <c>created_at</c> (default <c>-created_at</c>), <c>amount</c>.
/// </summary>
public sealed class RefundListOptions : ListOptions
{
    /// <summary>Only these refunds.</summary>
    public IList<string>? Id { get; set; }

    /// <summary>Only these organizations (needed with user tokens only).</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only refunds of these orders.</summary>
    public IList<string>? OrderId { get; set; }

    /// <summary>Only refunds of these subscriptions' orders.</summary>
    public IList<string>? SubscriptionId { get; set; }

    /// <summary>Only these customers, by Polar id.</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only these customers, by your external id.</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary>Only refunds that succeeded (<see langword="true"/>) or did not.</summary>
    public bool? Succeeded { get; set; }

    private protected override void AddFilters(PolarQuery query) => query
        .Add("id", Id)
        .Add("organization_id", OrganizationId)
        .Add("order_id", OrderId)
        .Add("subscription_id", SubscriptionId)
        .Add("customer_id", CustomerId)
        .Add("external_customer_id", ExternalCustomerId)
        .Add("succeeded", Succeeded);
}
