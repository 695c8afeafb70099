using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <see cref="WebhookEndpointsService.ListAsync"/>: every filter of <c>GET /v1/webhooks/endpoints</c>.
/// This list takes no sorting: setting <see cref="ListOptions.Sorting"/> throws <see cref="ArgumentException"/>.
/// </summary>
public sealed class WebhookEndpointListOptions : ListOptions
{
    /// <summary>Only these organizations (needed with user tokens only).</summary>
    public IList<string>? OrganizationId { get; set; }

    private protected override bool SupportsSorting => false;

    /// <inheritdoc />
    private protected override void AddFilters(PolarQuery query) => query.Add("organization_id", OrganizationId);
}
