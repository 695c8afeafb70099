using System.Text.Json;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Client;

/// <summary>
/// Builds the flat metadata of an ingested event. <see cref="EventMetadataInput"/> models only Polar's structured keys
/// (<c>_cost</c>, <c>_llm</c>); your own keys, the ones meters filter and aggregate on, are kept beside them.
/// </summary>
public static class EventMetadata
{
    /// <summary>Event metadata holding <paramref name="values"/>, e.g. <c>EventMetadata.From(new Dictionary&lt;string, MetadataValue&gt; { ["tokens"] = 1200 })</c>.</summary>
    /// <param name="values">Up to 50 keys (40 characters each) with string, integer, number or boolean values.</param>
    /// <returns>The metadata, ready for <see cref="EventCreate.Metadata"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A key is empty or is one of Polar's structured keys (<c>_cost</c>, <c>_llm</c>), which have typed properties.</exception>
    public static EventMetadataInput From(IEnumerable<KeyValuePair<string, MetadataValue>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var metadata = new EventMetadataInput { AdditionalProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal) };
        foreach (var (key, value) in values)
        {
            if (string.IsNullOrEmpty(key) || key is "_cost" or "_llm")
            {
                throw new ArgumentException($"Event metadata key '{key}' is empty or reserved: use EventMetadataInput.Cost / .Llm for _cost and _llm.", nameof(values));
            }

            metadata.AdditionalProperties[key] = JsonSerializer.SerializeToElement(value, PolarJson.TypeInfo<MetadataValue>());
        }

        return metadata;
    }

    /// <summary>Your flat metadata values of an event read from Polar (Polar's structured <c>_cost</c>/<c>_llm</c> keys excluded).</summary>
    /// <param name="metadata">The metadata of a <see cref="UserEvent"/>.</param>
    /// <returns>The values by key; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metadata"/> is null.</exception>
    /// <exception cref="JsonException">A value is not a string, number or boolean.</exception>
    public static IReadOnlyDictionary<string, MetadataValue> Values(EventMetadataOutput metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var values = new Dictionary<string, MetadataValue>(StringComparer.Ordinal);
        foreach (var (key, element) in metadata.AdditionalProperties ?? new Dictionary<string, JsonElement>())
        {
            values[key] = element.Deserialize(PolarJson.TypeInfo<MetadataValue>());
        }

        return values;
    }
}
