using System.Text;

namespace PolarBilling.Client.Webhooks;

/// <summary>
/// One Polar webhook event: the envelope <c>{"type", "timestamp", "data"}</c>. Each known type is its own sealed
/// class (such as <see cref="SubscriptionUpdatedWebhookEvent"/>) with a typed <c>Data</c>; types this version does
/// not know are <see cref="UnknownWebhookEvent"/>. Read one with <see cref="WebhookEventParser.Parse(ReadOnlySpan{byte})"/>.
/// </summary>
/// <remarks>
/// Named <c>PolarWebhookEvent</c>, not <c>WebhookEvent</c>, because Polar's API already has a <c>WebhookEvent</c>
/// model (a delivery log entry) in <see cref="PolarBilling.Client"/>.
/// </remarks>
public abstract class PolarWebhookEvent
{
    private readonly ReadOnlyMemory<byte> _utf8Json;
    private string? _rawJson;

    private protected PolarWebhookEvent(WebhookEnvelope envelope)
    {
        Type = envelope.Type;
        Timestamp = envelope.Timestamp;
        TimestampText = envelope.TimestampText;
        _utf8Json = envelope.Utf8Json;
    }

    /// <summary>The event type as Polar spells it, such as <c>subscription.updated</c>; see <see cref="WebhookEventTypes"/>.</summary>
    public string Type { get; }

    /// <summary>When Polar emitted the event (the envelope's <c>timestamp</c>, not the delivery attempt's).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The envelope's <c>timestamp</c> exactly as written, for lossless storage and comparison.</summary>
    public string TimestampText { get; }

    /// <summary>The whole envelope as JSON text, exactly as received (or as built, for events created in code); decoded from <see cref="RawJsonUtf8"/> on first use.</summary>
    public string RawJson => _rawJson ??= Encoding.UTF8.GetString(_utf8Json.Span);

    /// <summary>The whole envelope as UTF-8 bytes, exactly as received (or as built): what is signed and sent, with no decoding.</summary>
    public ReadOnlyMemory<byte> RawJsonUtf8 => _utf8Json;

    /// <inheritdoc />
    public override string ToString() => $"{Type} at {TimestampText}";
}
