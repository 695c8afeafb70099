using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarBilling.Client.Serialization;

/// <summary>
/// Reads a Polar union (a <c>oneOf</c>/<c>anyOf</c> in the API) by looking at the JSON first and picking the
/// concrete type; anything it does not recognise becomes the union's <c>Unknown…</c> type instead of an error.
/// Writes whichever concrete type the value is, so every member round-trips.
/// </summary>
/// <typeparam name="TBase">The union's base type.</typeparam>
public abstract class PolarUnionConverter<TBase> : JsonConverter<TBase> where TBase : class
{
    /// <summary>Picks the concrete type for a JSON object (never <typeparamref name="TBase"/> itself).</summary>
    protected abstract Type Resolve(JsonElement element);

    /// <inheritdoc />
    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object for {typeof(TBase).Name}, got {root.ValueKind}.");
        }

        var concrete = Resolve(root);
        return (TBase?)root.Deserialize(options.GetTypeInfo(concrete));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    /// <summary>The string value of <paramref name="property"/>, or <see langword="null"/> when absent or not a string.</summary>
    protected static string? StringProperty(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
