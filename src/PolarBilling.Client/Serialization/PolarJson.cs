using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PolarBilling.Client.Models;

namespace PolarBilling.Client.Serialization;

/// <summary>
/// The JSON settings every Polar object is read and written with: source-generated (no reflection), exact wire
/// names, nulls written where Polar writes them, unknown fields kept. Use it to (de)serialize models yourself.
/// </summary>
public static class PolarJson
{
    /// <summary>The shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The source-generated metadata for <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a Polar model.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Serializes a Polar object to compact JSON, as Polar itself does.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Serializes a Polar object to compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>Reads a Polar object from JSON.</summary>
    /// <exception cref="JsonException">The JSON does not describe a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"JSON null is not a {typeof(T).Name}.");

    /// <summary>Reads a Polar object from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The JSON does not describe a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()) ?? throw new JsonException($"JSON null is not a {typeof(T).Name}.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = PolarModelsJsonContext.Default,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            AllowOutOfOrderMetadataProperties = true,
            Converters = { new PolarDateTimeConverter() },

            // Polar writes '&', '<', '+' and non-ASCII text as they are; escaping them would change signed bytes
            // that an emulator or a test builds. Quotes, backslashes and control characters are still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}
