using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Filters for <see cref="CheckoutsService.ListAsync"/>: every query parameter of <c>GET /v1/checkouts/</c>.</summary>
/// <remarks>
/// Several values in one list match any of them (sent as repeated parameters). Sort keys: <c>created_at</c>,
/// <c>expires_at</c>, <c>status</c>, each optionally prefixed with <c>-</c>; Polar's default is <c>-created_at</c>.
/// </remarks>
public sealed class CheckoutListOptions : ListOptions
{
    /// <summary>Only sessions of these organizations. Default: all the token can see.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only sessions offering one of these products. Default: any product.</summary>
    public IList<string>? ProductId { get; set; }

    /// <summary>Only sessions of these Polar customers. Default: any customer.</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only sessions of customers with these external ids (your user ids). Default: any customer.</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary>Only sessions in one of these statuses, e.g. <see cref="CheckoutStatus.Succeeded"/>. Default: any status.</summary>
    public IList<CheckoutStatus>? Status { get; set; }

    /// <summary>Only sessions whose customer email matches this text. Default: no text filter.</summary>
    public string? Query { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("organization_id", OrganizationId)
            .Add("product_id", ProductId)
            .Add("customer_id", CustomerId)
            .Add("external_customer_id", ExternalCustomerId)
            .Add("status", Status)
            .Add("query", Query);
    }
}
