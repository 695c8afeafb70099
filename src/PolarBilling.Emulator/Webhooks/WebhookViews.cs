using System.Text;
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
        WebhookEvent = Event(outbound),
    };

    /// <summary>The event's row with its payload, as Polar answers it: a copy, since the stored row keeps the payload as bytes.</summary>
    public static WebhookEvent Event(OutboundWebhookEvent outbound)
    {
        var stored = outbound.Event;
        return new WebhookEvent
        {
            Id = stored.Id,
            CreatedAt = stored.CreatedAt,
            ModifiedAt = stored.ModifiedAt,
            LastHttpCode = stored.LastHttpCode,
            Succeeded = stored.Succeeded,
            Skipped = stored.Skipped,
            Payload = Encoding.UTF8.GetString(outbound.Payload.Span),
            Type = stored.Type,
            IsArchived = stored.IsArchived,
            AdditionalProperties = stored.AdditionalProperties,
        };
    }

    /// <summary>
    /// Whether an event type is in the spec's <c>WebhookEventType</c>, which every answer must match:
    /// <c>subscription.migrated</c> (API-FACTS 11) is not, so endpoints subscribed to it (those made for "every
    /// type") still receive it but do not list it.
    /// </summary>
    public static bool InSpec(string type) => type != WebhookEventTypes.SubscriptionMigrated;
}
