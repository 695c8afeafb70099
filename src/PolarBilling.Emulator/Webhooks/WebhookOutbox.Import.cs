using System.Text;
using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Webhooks;

internal sealed partial class WebhookOutbox
{
    /// <summary>Replaces everything with an export; nothing changes when the value is malformed.</summary>
    public void Import(JsonElement value)
    {
        lock (_sync)
        {
            var emitted = value.GetProperty("emitted").EnumerateArray().Select(item => new EmittedWebhook(
                item.GetProperty("sequence").GetInt64(),
                Text(item, "type"),
                item.GetProperty("timestamp").GetDateTimeOffset(),
                (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(Text(item, "payload")))).ToList();
            var endpoints = Items(value, "endpoints").Select(item => new WebhookEndpointEntry(
                Model<WebhookEndpoint>(item, "endpoint"),
                Text(item, "key_scheme") switch
                {
                    "legacy" => WebhookKeyScheme.Legacy,
                    "standard" => WebhookKeyScheme.Standard,
                    var other => throw new JsonException($"Unknown webhook key scheme '{other}'."),
                },
                item.GetProperty("sequence").GetInt64())).ToList();
            var events = Items(value, "events").Select(Outbound).ToList();
            var deliveries = Items(value, "deliveries").Select(item => new WebhookDeliveryRecord(
                Text(item, "id"),
                Text(item, "event_id"),
                Text(item, "endpoint_id"),
                item.GetProperty("sequence").GetInt64(),
                item.GetProperty("created_at").GetDateTimeOffset(),
                item.GetProperty("succeeded").GetBoolean(),
                item.GetProperty("http_code").ValueKind == JsonValueKind.Null ? null : item.GetProperty("http_code").GetInt64(),
                item.GetProperty("response").GetString())).ToList();

            Clear();
            Emitted.AddRange(emitted);
            foreach (var entry in endpoints)
            {
                _endpoints[entry.Id] = entry;
                _endpointOrder = null;
            }

            foreach (var outbound in events.Where(e => _endpoints.ContainsKey(e.EndpointId)))
            {
                _events[outbound.Event.Id] = outbound;
                if (outbound.IsPending)
                {
                    _pending.Add(outbound);
                }
            }

            _deliveries.AddRange(deliveries);
            _endpointSequence = endpoints.Count == 0 ? 0 : endpoints.Max(e => e.Sequence);
            _eventSequence = events.Count == 0 ? 0 : events.Max(e => e.Sequence);
            _deliverySequence = deliveries.Count == 0 ? 0 : deliveries.Max(d => d.Sequence);
            Wake.Set();
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement value, string name) =>
        value.TryGetProperty(name, out var items) ? items.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static string Text(JsonElement item, string name) =>
        item.GetProperty(name).GetString() ?? throw new JsonException($"A webhook entry without '{name}'.");

    /// <summary>An exported event: its row's payload moves out of the row into bytes, as <see cref="Queue"/> keeps it.</summary>
    private static OutboundWebhookEvent Outbound(JsonElement item)
    {
        var row = Model<WebhookEvent>(item, "event");
        var payload = Encoding.UTF8.GetBytes(row.Payload ?? string.Empty);
        row.Payload = null;
        return new OutboundWebhookEvent(row, payload, Text(item, "endpoint_id"), item.GetProperty("sequence").GetInt64())
        {
            Attempts = item.GetProperty("attempts").GetInt32(),
            QueuedAt = item.GetProperty("queued_at").GetDateTimeOffset(),
            NextAttemptAt = item.GetProperty("next_attempt_at").ValueKind == JsonValueKind.Null ? null : item.GetProperty("next_attempt_at").GetDateTimeOffset(),
            Redeliver = item.GetProperty("redeliver").GetBoolean(),
        };
    }

    private static T Model<T>(JsonElement item, string name) =>
        item.GetProperty(name).Deserialize(PolarJson.TypeInfo<T>()) ?? throw new JsonException($"A webhook entry without '{name}'.");
}
