using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <c>GET /v1/events/names</c>; set filters are combined with AND. Sort keys: <c>name</c>,
/// <c>occurrences</c>, <c>first_seen</c>, <c>last_seen</c> (prefix <c>-</c> for descending).
/// </summary>
public sealed class EventNameListOptions : ListOptions
{
    /// <summary>Only names in these organizations (<c>organization_id</c>); not needed with an organization token.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only names of events of these Polar customers (<c>customer_id</c>).</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only names of events of customers with these external ids (<c>external_customer_id</c>).</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary>Only names from these sources (<c>source</c>).</summary>
    public IList<EventSource>? Source { get; set; }

    /// <summary>Only names containing this text (<c>query</c>).</summary>
    public string? Query { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("organization_id", OrganizationId)
            .Add("customer_id", CustomerId)
            .Add("external_customer_id", ExternalCustomerId)
            .Add("source", Source)
            .Add("query", Query);
    }
}
