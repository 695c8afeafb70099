using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarBilling.Client.Serialization;

/// <summary>
/// Polar sends precise amounts (such as a metered unit price in cents with up to 12 decimals) as a decimal
/// string, and accepts a number or a string. Reads both; writes a string so no precision is lost.
/// </summary>
public sealed class FlexibleDecimalConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDecimal();
        }

        if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new JsonException($"Expected a number or a decimal string, got {reader.TokenType}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
