using System.Buffers;
using System.Text.Json;
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
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static TTarget As<TTarget>(object source)
        where TTarget : PolarObject
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, source, PolarJson.Options.GetTypeInfo(source.GetType()));
        writer.Flush();
        var target = PolarJson.Deserialize<TTarget>(buffer.WrittenSpan);
        target.AdditionalProperties = null;
        return target;
    }
}
