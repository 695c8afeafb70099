using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <c>GET /v1/benefits/</c>; set filters are combined with AND, the values of one list filter with OR.
/// Sort keys: <c>created_at</c>, <c>description</c>, <c>type</c>, <c>user_order</c> (prefix <c>-</c> for descending).
/// </summary>
public sealed class BenefitListOptions : ListOptions
{
    /// <summary>Only benefits of these organizations (<c>organization_id</c>); not needed with an organization token.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only benefits of these types (<c>type</c>), e.g. <see cref="BenefitType.FeatureFlag"/>.</summary>
    public IList<BenefitType>? Type { get; set; }

    /// <summary>Only these benefit ids (<c>id</c>).</summary>
    public IList<string>? Id { get; set; }

    /// <summary>Leave out these benefit ids (<c>exclude_id</c>).</summary>
    public IList<string>? ExcludeId { get; set; }

    /// <summary>Only benefits whose description contains this text (<c>query</c>).</summary>
    public string? Query { get; set; }

    /// <summary>Only benefits whose metadata has these values (<c>metadata[key]=value</c>).</summary>
    public IDictionary<string, MetadataValue>? Metadata { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("organization_id", OrganizationId)
            .Add("type", Type)
            .Add("id", Id)
            .Add("exclude_id", ExcludeId)
            .Add("query", Query)
            .AddMetadata(Metadata);
    }
}
