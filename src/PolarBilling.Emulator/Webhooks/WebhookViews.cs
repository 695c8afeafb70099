using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>How endpoints and deliveries are answered: fresh models, shaped for the request's API version.</summary>
internal static class WebhookViews
{
    /// <summary>The endpoint as answered; event types newer than the request's API version are left out.</summary>
    public static WebhookEndpoint Endpoint(WebhookEndpointEntry entry, HttpContext context)
    {
        var endpoint = entry.Endpoint;
        var version = context.ApiVersion();
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
            Events = [.. endpoint.Events.Where(e => KnownIn(e.Value, version))],
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
    /// Whether an event type exists in an API version: <c>subscription.migrated</c> came with 2026-10 (API-FACTS 11);
    /// the 2026-04 schema's <c>WebhookEventType</c> does not list it.
    /// </summary>
    public static bool KnownIn(string type, string apiVersion) =>
        type != WebhookEventTypes.SubscriptionMigrated || string.CompareOrdinal(apiVersion, "2026-10") >= 0;
}
