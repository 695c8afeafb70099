using PolarBilling.Client;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>A webhook endpoint as the emulator keeps it: Polar's model plus how its secret becomes the HMAC key.</summary>
internal sealed class WebhookEndpointEntry
{
    public WebhookEndpointEntry(WebhookEndpoint endpoint, WebhookKeyScheme keyScheme, long sequence)
    {
        Endpoint = endpoint;
        KeyScheme = keyScheme;
        Sequence = sequence;
    }

    /// <summary>The endpoint exactly as the API answers it (events filtered per API version when answered).</summary>
    public WebhookEndpoint Endpoint { get; }

    /// <summary>How deliveries are signed: changes when the secret is reset.</summary>
    public WebhookKeyScheme KeyScheme { get; set; }

    /// <summary>Creation order; breaks ties between endpoints created at the same (frozen) emulator time.</summary>
    public long Sequence { get; }

    public string Id => Endpoint.Id;

    /// <summary>Whether an event of <paramref name="type"/> emitted now gets a webhook event for this endpoint.</summary>
    public bool Receives(string type) => Endpoint.Enabled && Endpoint.Events.Exists(e => string.Equals(e.Value, type, StringComparison.Ordinal));
}
