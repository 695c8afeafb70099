using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarBilling.Client.Serialization;

/// <summary>Reads and writes a Polar string enumeration; unknown values are kept, never rejected.</summary>
/// <typeparam name="T">The enumeration type.</typeparam>
public sealed class PolarEnumConverter<T> : JsonConverter<T> where T : struct, IPolarEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // An unset value (the default struct) is written as null; read it back the same way.
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");
        }

        return T.From(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.Value);
    }
}
