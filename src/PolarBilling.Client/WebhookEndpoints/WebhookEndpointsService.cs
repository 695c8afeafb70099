using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Webhook endpoints, secrets, deliveries and redelivery: <c>/v1/webhooks/</c>.</summary>
public sealed partial class WebhookEndpointsService
{
    internal WebhookEndpointsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
