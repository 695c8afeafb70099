using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarBilling.Client.Serialization;

/// <summary>Reads and writes <see cref="MetadataValue"/> as the JSON string, number or boolean it is.</summary>
public sealed class MetadataValueConverter : JsonConverter<MetadataValue>
{
    /// <inheritdoc />
    public override MetadataValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number when reader.TryGetInt64(out var whole) => whole,
            JsonTokenType.Number => reader.GetDouble(),
            _ => throw new JsonException($"A metadata value must be a string, number or boolean, not {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MetadataValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value.Kind)
        {
            case MetadataValueKind.Integer: writer.WriteNumberValue(value.AsInteger()); break;
            case MetadataValueKind.Number: writer.WriteNumberValue(value.AsNumber()); break;
            case MetadataValueKind.Boolean: writer.WriteBooleanValue(value.AsBoolean()); break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }
}
