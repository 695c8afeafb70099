using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <c>GET /v1/products/</c>. Every filter is optional; set ones are combined with AND, and the values of
/// one list filter with OR. Sort keys: <c>created_at</c>, <c>name</c>, <c>price_amount_type</c>, <c>price_amount</c>
/// (prefix <c>-</c> for descending; Polar's default is <c>-created_at</c>).
/// </summary>
public sealed class ProductListOptions : ListOptions
{
    /// <summary>Only these product ids (<c>id</c>, repeated).</summary>
    public IList<string>? Id { get; set; }

    /// <summary>Only products of these organizations (<c>organization_id</c>); not needed with an organization token.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only products whose name contains this text, case-insensitively (<c>query</c>).</summary>
    public string? Query { get; set; }

    /// <summary><see langword="true"/>: only archived products; <see langword="false"/>: only purchasable ones; unset: both.</summary>
    public bool? IsArchived { get; set; }

    /// <summary><see langword="true"/>: only subscription plans; <see langword="false"/>: only one-time purchases; unset: both.</summary>
    public bool? IsRecurring { get; set; }

    /// <summary>Only products that grant one of these benefits (<c>benefit_id</c>).</summary>
    public IList<string>? BenefitId { get; set; }

    /// <summary>Only products with one of these visibilities (<c>visibility</c>).</summary>
    public IList<ProductVisibility>? Visibility { get; set; }

    /// <summary>Only products whose metadata has these values (<c>metadata[key]=value</c>).</summary>
    public IDictionary<string, MetadataValue>? Metadata { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("id", Id)
            .Add("organization_id", OrganizationId)
            .Add("query", Query)
            .Add("is_archived", IsArchived)
            .Add("is_recurring", IsRecurring)
            .Add("benefit_id", BenefitId)
            .Add("visibility", Visibility)
            .AddMetadata(Metadata);
    }
}
