using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Filters for <see cref="CustomersService.ListAsync"/>: every query parameter of <c>GET /v1/customers/</c>.</summary>
/// <remarks>Sort keys: <c>created_at</c>, <c>email</c>, <c>name</c>, each optionally prefixed with <c>-</c>; Polar's default is <c>-created_at</c>.</remarks>
public sealed class CustomerListOptions : ListOptions
{
    /// <summary>Only customers of these organizations (repeated parameter). Default: all the token can see.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only the customer with exactly this email. Default: any email.</summary>
    public string? Email { get; set; }

    /// <summary>Only customers whose name, email or external id matches this text. Default: no text filter.</summary>
    public string? Query { get; set; }

    /// <summary>
    /// <see langword="true"/>: only active customers, i.e. with at least one trialing, active or past-due subscription.
    /// Default <see langword="null"/>: no filter.
    /// </summary>
    public bool? Active { get; set; }

    /// <summary>Only customers whose metadata has all these key/value pairs (<c>metadata[key]=value</c>). Default: no metadata filter.</summary>
    public IDictionary<string, MetadataValue>? Metadata { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("organization_id", OrganizationId)
            .Add("email", Email)
            .Add("query", Query)
            .Add("active", Active)
            .AddMetadata(Metadata);
    }
}
