using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <c>GET /v1/benefit-grants/</c>; set filters are combined with AND, the values of one list filter with OR.
/// Sort keys: <c>created_at</c>, <c>granted_at</c>, <c>revoked_at</c> (prefix <c>-</c> for descending).
/// </summary>
public sealed class BenefitGrantListOptions : ListOptions
{
    /// <summary>Only grants in these organizations (<c>organization_id</c>); not needed with an organization token.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only grants of these Polar customers (<c>customer_id</c>).</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only grants of customers with these external ids, i.e. your user ids (<c>external_customer_id</c>).</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary><see langword="true"/>: only current grants; <see langword="false"/>: only revoked ones; unset: both.</summary>
    public bool? IsGranted { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("organization_id", OrganizationId)
            .Add("customer_id", CustomerId)
            .Add("external_customer_id", ExternalCustomerId)
            .Add("is_granted", IsGranted);
    }
}
