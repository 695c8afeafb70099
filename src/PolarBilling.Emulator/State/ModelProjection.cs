using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Emulator.State;

/// <summary>
/// Copies a Polar model into another model with the same wire fields, such as a <see cref="Customer"/> into the
/// <see cref="OrderCustomer"/> an order embeds: through JSON, so every field the target knows is carried and the
/// ones it does not know are dropped (Polar's embedded objects carry exactly their own schema's fields).
/// </summary>
internal static class ModelProjection
{
    // Reused per thread: projections run by the thousand during a clock advance.
    private static readonly ConcurrentDictionary<Type, JsonSerializerOptions> TargetOptions = new();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_result;

    public static TTarget As<TTarget>(object source)
        where TTarget : PolarObject
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = Write(source);
        var target = JsonSerializer.Deserialize(buffer.WrittenSpan, (JsonTypeInfo<TTarget>)OptionsFor(typeof(TTarget)).GetTypeInfo(typeof(TTarget)))
            ?? throw new JsonException($"A {source.GetType().Name} projected to JSON null, not a {typeof(TTarget).Name}.");
        return target;
    }

    /// <summary>Writes <paramref name="source"/> (by its runtime type) into this thread's buffer, emptied first.</summary>
    private static ArrayBufferWriter<byte> Write(object source)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, source, PolarJson.Options.GetTypeInfo(source.GetType()));
        writer.Flush();
        return buffer;
    }

    /// <summary>
    /// PolarJson's options, except that <paramref name="target"/> (and its union members) keeps no unknown fields: the
    /// source's fields the target does not know are skipped while reading, instead of each being parsed into a
    /// <see cref="JsonElement"/> of the target's extension data and then thrown away. Nested objects read as before.
    /// </summary>
    private static JsonSerializerOptions OptionsFor(Type target) => TargetOptions.GetOrAdd(target, static type =>
    {
        var options = new JsonSerializerOptions(PolarJson.Options)
        {
            TypeInfoResolver = PolarJson.Options.TypeInfoResolver!.WithAddedModifier(info =>
            {
                if (type.IsAssignableFrom(info.Type))
                {
                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                    {
                        if (info.Properties[i].IsExtensionData)
                        {
                            info.Properties.RemoveAt(i);
                        }
                    }
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    });

    /// <summary>
    /// The JSON of <paramref name="source"/> with one more field, <paramref name="name"/>: <paramref name="value"/>
    /// (as the last field, so it wins over a field of that name already there), e.g. a benefit grant with its
    /// <c>previous_properties</c>. The span is valid until the next call on this thread.
    /// </summary>
    public static ReadOnlySpan<byte> WithProperty<TValue>(object source, string name, TValue value)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = Write(source);
        var writer = t_writer!;
        var objectLength = buffer.WrittenCount;
        if (objectLength < 2 || buffer.WrittenSpan[objectLength - 1] != (byte)'}')
        {
            throw new InvalidOperationException($"A {source.GetType().Name} does not serialize as a JSON object.");
        }

        // The object, then the value after it; the result is stitched from the two in a second buffer.
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, PolarJson.TypeInfo<TValue>());
        writer.Flush();
        var written = buffer.WrittenSpan;
        var result = t_result ??= new ArrayBufferWriter<byte>(16 * 1024);
        result.ResetWrittenCount();
        result.Write(written[..(objectLength - 1)]);
        result.Write(objectLength > 2 ? ","u8 : ""u8);
        result.Write("\""u8);
        result.Write(JsonEncodedText.Encode(name).EncodedUtf8Bytes);
        result.Write("\":"u8);
        result.Write(written[objectLength..]);
        result.Write("}"u8);
        return result.WrittenSpan;
    }
}
