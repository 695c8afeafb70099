using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Events;

/// <summary>
/// Events, plus what Polar keeps beside each one that its API never shows: the <c>external_id</c> used to
/// de-duplicate ingestion (unique per organization; Polar's insert skips a taken one and counts it as a duplicate)
/// and when the event was ingested (meters reset and bill by ingestion, not by the event's own timestamp).
/// </summary>
internal sealed class EventStore : EntityStore<Event>
{
    private readonly Dictionary<string, string> _byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _ingestedAt = new(StringComparer.Ordinal);

    public EventStore()
        : base("events", e => e.Id)
    {
    }

    /// <summary>Whether an event with this <c>external_id</c> was already ingested.</summary>
    public bool HasExternalId(string externalId) => _byExternalId.ContainsKey(externalId);

    /// <summary>The id of the event ingested with this <c>external_id</c>, if any.</summary>
    public string? IdOfExternalId(string externalId) => _byExternalId.GetValueOrDefault(externalId);

    /// <summary>Stores an ingested event with its de-duplication key and ingestion time.</summary>
    public Event Ingest(Event item, string? externalId, DateTimeOffset ingestedAt)
    {
        Add(item);
        _ingestedAt[item.Id] = ingestedAt;
        if (externalId is not null)
        {
            _byExternalId[externalId] = item.Id;
        }

        return item;
    }

    /// <summary>When Polar received the event (its timestamp for events stored without one).</summary>
    public DateTimeOffset IngestedAt(Event item) => _ingestedAt.TryGetValue(item.Id, out var at) ? at : item.Timestamp;

    public override void Clear()
    {
        base.Clear();
        _byExternalId.Clear();
        _ingestedAt.Clear();
    }

    public override void Export(Utf8JsonWriter writer)
    {
        var info = PolarJson.TypeInfo<Event>();
        var externalIds = _byExternalId.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        writer.WriteStartArray();
        foreach (var item in Items.Values)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("event");
            JsonSerializer.Serialize(writer, item, info);
            writer.WriteString("ingested_at", IngestedAt(item));
            if (externalIds.TryGetValue(item.Id, out var externalId))
            {
                writer.WriteString("external_id", externalId);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public override void Import(JsonElement value)
    {
        var info = PolarJson.TypeInfo<Event>();
        var entries = new List<(Event Item, DateTimeOffset IngestedAt, string? ExternalId)>();
        foreach (var entry in value.EnumerateArray())
        {
            var item = entry.GetProperty("event").Deserialize(info) ?? throw new JsonException("A null event in the 'events' store.");
            var externalId = entry.TryGetProperty("external_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            entries.Add((item, entry.GetProperty("ingested_at").GetDateTimeOffset(), externalId));
        }

        Clear();
        foreach (var (item, ingestedAt, externalId) in entries)
        {
            Ingest(item, externalId, ingestedAt);
        }
    }
}
