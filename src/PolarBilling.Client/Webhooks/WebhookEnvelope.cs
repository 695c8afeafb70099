using System.Globalization;
using System.Text;
using System.Text.Json;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Client.Webhooks;

/// <summary>The parts of a webhook envelope every event shares.</summary>
internal sealed record WebhookEnvelope(string Type, DateTimeOffset Timestamp, string TimestampText, string RawJson)
{
    /// <summary>Builds the compact envelope JSON Polar would send for <paramref name="data"/>.</summary>
    public static WebhookEnvelope Create<TData>(string type, DateTimeOffset timestamp, TData data)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = PolarDateTimeConverter.Format(timestamp);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("timestamp", text);
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, PolarJson.TypeInfo<TData>());
            writer.WriteEndObject();
        }

        // Read back what was written, so Timestamp equals what a receiver parsing RawJson would see.
        var parsed = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new WebhookEnvelope(type, parsed, text, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
