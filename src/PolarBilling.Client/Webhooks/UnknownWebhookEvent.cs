using System.Text.Json;

namespace PolarBilling.Client.Webhooks;

/// <summary>
/// An event type this version of the client does not know (Polar adds types over time). Parsing it never fails:
/// store and acknowledge it, and read <see cref="Data"/> yourself if you need it.
/// </summary>
public sealed class UnknownWebhookEvent : PolarWebhookEvent
{
    internal UnknownWebhookEvent(JsonElement data, WebhookEnvelope envelope)
        : base(envelope)
    {
        Data = data;
    }

    /// <summary>The envelope's <c>data</c> as raw JSON (detached from any document, safe to keep).</summary>
    public JsonElement Data { get; }
}
