using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Filters for <see cref="DiscountsService.ListAsync"/>: every query parameter of <c>GET /v1/discounts/</c>.</summary>
/// <remarks>
/// Sort keys: <c>created_at</c>, <c>name</c>, <c>code</c>, <c>redemptions_count</c>, <c>ends_at</c>, each optionally
/// prefixed with <c>-</c>; Polar's default is <c>-created_at</c>.
/// </remarks>
public sealed class DiscountListOptions : ListOptions
{
    /// <summary>Only discounts of these organizations (repeated parameter). Default: all the token can see.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only discounts whose name matches this text. Default: no text filter.</summary>
    public string? Query { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("organization_id", OrganizationId).Add("query", Query);
    }
}
