using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Webhooks;

internal sealed partial class WebhookOutbox
{
    /// <summary>Forgets every emitted event, endpoint, queued event and delivery, and abandons attempts on the wire.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            Emitted.Clear();
            _endpoints.Clear();
            _endpointOrder = null;
            _events.Clear();
            _deliveries.Clear();
            StopPendingWork();
        }
    }

    /// <summary>
    /// Writes <c>{"emitted", "endpoints", "events", "deliveries"}</c>. Queued events keep their schedule (real time), so
    /// after an import they resume where they were; an attempt on the wire is written as due at once.
    /// </summary>
    public void Export(Utf8JsonWriter writer)
    {
        lock (_sync)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("emitted");
            foreach (var emitted in Emitted)
            {
                writer.WriteStartObject();
                writer.WriteNumber("sequence", emitted.Sequence);
                writer.WriteString("type", emitted.Type);
                writer.WriteString("timestamp", emitted.Timestamp);
                writer.WriteString("payload", emitted.Utf8Payload.Span);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("endpoints");
            foreach (var entry in _endpoints.Values.OrderBy(e => e.Sequence))
            {
                writer.WriteStartObject();
                writer.WriteNumber("sequence", entry.Sequence);
                writer.WriteString("key_scheme", entry.KeyScheme == WebhookKeyScheme.Legacy ? "legacy" : "standard");
                writer.WritePropertyName("endpoint");
                JsonSerializer.Serialize(writer, entry.Endpoint, PolarJson.TypeInfo<WebhookEndpoint>());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("events");
            var now = WallClock.GetUtcNow();
            foreach (var outbound in _events.Values.OrderBy(e => e.Sequence))
            {
                writer.WriteStartObject();
                writer.WriteNumber("sequence", outbound.Sequence);
                writer.WriteString("endpoint_id", outbound.EndpointId);
                writer.WriteNumber("attempts", outbound.Attempts);
                writer.WriteString("queued_at", outbound.QueuedAt);
                var due = outbound.InFlight ? now : outbound.NextAttemptAt;
                if (due is not null)
                {
                    writer.WriteString("next_attempt_at", due.Value);
                }
                else
                {
                    writer.WriteNull("next_attempt_at");
                }

                writer.WriteBoolean("redeliver", outbound.Redeliver || outbound.RedeliverAfterFlight);
                writer.WritePropertyName("event");
                JsonSerializer.Serialize(writer, WebhookViews.Event(outbound), PolarJson.TypeInfo<WebhookEvent>());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("deliveries");
            foreach (var delivery in _deliveries)
            {
                writer.WriteStartObject();
                writer.WriteString("id", delivery.Id);
                writer.WriteString("event_id", delivery.EventId);
                writer.WriteString("endpoint_id", delivery.EndpointId);
                writer.WriteNumber("sequence", delivery.Sequence);
                writer.WriteString("created_at", delivery.CreatedAt);
                writer.WriteBoolean("succeeded", delivery.Succeeded);
                if (delivery.HttpCode is { } code)
                {
                    writer.WriteNumber("http_code", code);
                }
                else
                {
                    writer.WriteNull("http_code");
                }

                writer.WriteString("response", delivery.Response);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
