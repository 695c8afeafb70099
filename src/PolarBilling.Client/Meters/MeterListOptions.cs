using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <c>GET /v1/meters/</c>; set filters are combined with AND. Sort keys: <c>created_at</c>, <c>name</c>
/// (prefix <c>-</c> for descending).
/// </summary>
public sealed class MeterListOptions : ListOptions
{
    /// <summary>Only meters of these organizations (<c>organization_id</c>); not needed with an organization token.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only meters whose name contains this text (<c>query</c>).</summary>
    public string? Query { get; set; }

    /// <summary><see langword="true"/>: only archived meters; <see langword="false"/>: only active ones; unset: both.</summary>
    public bool? IsArchived { get; set; }

    /// <summary>Only meters whose metadata has these values (<c>metadata[key]=value</c>).</summary>
    public IDictionary<string, MetadataValue>? Metadata { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("organization_id", OrganizationId)
            .Add("query", Query)
            .Add("is_archived", IsArchived)
            .AddMetadata(Metadata);
    }
}
