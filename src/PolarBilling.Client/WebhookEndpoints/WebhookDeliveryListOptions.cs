using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <see cref="WebhookEndpointsService.ListDeliveriesAsync"/>: every filter of <c>GET /v1/webhooks/deliveries</c>.
/// Unset filters are not sent. This list takes no sorting: setting <see cref="ListOptions.Sorting"/> throws <see cref="ArgumentException"/>.
/// </summary>
public sealed class WebhookDeliveryListOptions : ListOptions
{
    /// <summary>Only deliveries to these endpoints.</summary>
    public IList<string>? EndpointId { get; set; }

    /// <summary>Only deliveries after this instant.</summary>
    public DateTimeOffset? StartTimestamp { get; set; }

    /// <summary>Only deliveries before this instant.</summary>
    public DateTimeOffset? EndTimestamp { get; set; }

    /// <summary>Only deliveries the endpoint accepted (<see langword="true"/>) or refused.</summary>
    public bool? Succeeded { get; set; }

    /// <summary>Free-text search in the deliveries.</summary>
    public string? Query { get; set; }

    /// <summary>Only deliveries answered with this class of HTTP status, e.g. <see cref="WebhookHttpCodeClass.ServerError"/>.</summary>
    public WebhookHttpCodeClass? HttpCodeClass { get; set; }

    /// <summary>Only deliveries of these event types.</summary>
    public IList<WebhookEventType>? EventType { get; set; }

    private protected override bool SupportsSorting => false;

    /// <inheritdoc />
    private protected override void AddFilters(PolarQuery query) => query
        .Add("endpoint_id", EndpointId)
        .Add("start_timestamp", StartTimestamp)
        .Add("end_timestamp", EndTimestamp)
        .Add("succeeded", Succeeded)
        .Add("query", Query)
        .Add("http_code_class", HttpCodeClass)
        .Add("event_type", EventType);
}
