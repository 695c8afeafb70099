using PolarBilling.Client;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>How endpoints and deliveries are answered: fresh models, shaped for the request's API version.</summary>
internal static class WebhookViews
{
    /// <summary>The endpoint as answered; event types the spec does not know are left out.</summary>
    public static WebhookEndpoint Endpoint(WebhookEndpointEntry entry)
    {
        var endpoint = entry.Endpoint;
        return new WebhookEndpoint
        {
            Id = endpoint.Id,
            CreatedAt = endpoint.CreatedAt,
            ModifiedAt = endpoint.ModifiedAt,
            Url = endpoint.Url,
            Name = endpoint.Name,
            Format = endpoint.Format,
            Secret = endpoint.Secret,
            OrganizationId = endpoint.OrganizationId,
            Events = [.. endpoint.Events.Where(e => InSpec(e.Value))],
            Enabled = endpoint.Enabled,
        };
    }

    /// <summary>A delivery with its event as it stands now (Polar joins the event row).</summary>
    public static WebhookDelivery Delivery(WebhookDeliveryRecord record, OutboundWebhookEvent outbound) => new()
    {
        Id = record.Id,
        CreatedAt = record.CreatedAt,
        Succeeded = record.Succeeded,
        HttpCode = record.HttpCode,
        Response = record.Response,
        WebhookEvent = outbound.Event,
    };

    /// <summary>
    /// Whether an event type is in the spec's <c>WebhookEventType</c>, which every answer must match:
    /// <c>subscription.migrated</c> (API-FACTS 11) is not, so endpoints subscribed to it (those made for "every
    /// type") still receive it but do not list it.
    /// </summary>
    public static bool InSpec(string type) => type != WebhookEventTypes.SubscriptionMigrated;
}
