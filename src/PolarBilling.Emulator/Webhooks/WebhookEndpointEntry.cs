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
    public bool Receives(string type)
    {
        if (!Endpoint.Enabled)
        {
            return false;
        }

        // A loop, not Exists with a lambda: this runs for every endpoint on every emitted event.
        foreach (var subscribed in Endpoint.Events)
        {
            if (string.Equals(subscribed.Value, type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
