using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Where every change the emulator makes announces itself: <see cref="Emit"/> records the event exactly as Polar
/// would build it (compact JSON envelope, data as of that moment) in the order the changes happened.
/// </summary>
internal sealed class WebhookOutbox : IEmulatorStore
{
    private readonly EmulatorState _state;

    public WebhookOutbox(EmulatorState state) => _state = state;

    public string Name => "webhooks";

    /// <summary>Every event emitted since the last reset, oldest first.</summary>
    public List<EmittedWebhook> Emitted { get; } = [];

    /// <summary>Records <paramref name="webhookEvent"/>; call under the state lock, at the moment Polar would send it.</summary>
    public EmittedWebhook Emit(PolarWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var emitted = new EmittedWebhook(Emitted.Count + 1, webhookEvent.Type, webhookEvent.Timestamp, webhookEvent.RawJson);
        Emitted.Add(emitted);
        return emitted;
    }

    /// <summary>Every webhook endpoint by id, with its key scheme.</summary>
    public Dictionary<string, (WebhookEndpoint Endpoint, WebhookKeyScheme KeyScheme)> Endpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>Creates an enabled endpoint with a new <c>whsec_</c> secret, as Polar does on <c>POST /v1/webhooks/endpoints</c>.</summary>
    public EmulatorWebhookEndpoint AddEndpoint(string url, WebhookKeyScheme keyScheme, IEnumerable<string> events)
    {
        var endpoint = new WebhookEndpoint
        {
            Id = PolarTokens.NewId(),
            CreatedAt = _state.Now,
            Url = url,
            Format = WebhookFormat.Raw,
            Secret = WebhookSigner.GenerateSecret(),
            OrganizationId = _state.Organization.Id,
            Events = [.. events.Select(e => new WebhookEventType(e))],
            Enabled = true,
        };
        Endpoints[endpoint.Id] = (endpoint, keyScheme);
        return new EmulatorWebhookEndpoint(endpoint.Id, endpoint.Url, endpoint.Secret, keyScheme);
    }

    public void Clear()
    {
        Emitted.Clear();
        Endpoints.Clear();
    }

    public void Export(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("emitted");
        foreach (var emitted in Emitted)
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", emitted.Sequence);
            writer.WriteString("type", emitted.Type);
            writer.WriteString("timestamp", emitted.Timestamp);
            writer.WriteString("payload", emitted.Payload);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void Import(JsonElement value)
    {
        var imported = new List<EmittedWebhook>();
        foreach (var item in value.GetProperty("emitted").EnumerateArray())
        {
            imported.Add(new EmittedWebhook(
                item.GetProperty("sequence").GetInt64(),
                item.GetProperty("type").GetString() ?? throw new JsonException("An emitted webhook without a type."),
                item.GetProperty("timestamp").GetDateTimeOffset(),
                item.GetProperty("payload").GetString() ?? throw new JsonException("An emitted webhook without a payload.")));
        }

        Emitted.Clear();
        Emitted.AddRange(imported);
    }
}
