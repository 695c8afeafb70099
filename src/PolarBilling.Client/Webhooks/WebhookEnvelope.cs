using System.Buffers;
using System.Globalization;
using System.Text.Json;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Client.Webhooks;

/// <summary>The parts of a webhook envelope every event shares.</summary>
internal sealed record WebhookEnvelope(string Type, DateTimeOffset Timestamp, string TimestampText, ReadOnlyMemory<byte> Utf8Json)
{
    // Built envelopes are copied into shared blocks on the large object heap: an emulator keeps every payload it emits
    // (a year of renewals: 96,000, 221 MB), and as small arrays each was cleared, then copied by every gen0 and gen1
    // collection on its way to gen2. A block stays alive while any envelope in it does.
    private const int BlockSize = 256 * 1024;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_blockUsed;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Builds the compact envelope JSON Polar would send for <paramref name="data"/>.</summary>
    public static WebhookEnvelope Create<TData>(string type, DateTimeOffset timestamp, TData data)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = PolarDateTimeConverter.Format(timestamp);

        // One growing buffer and writer per thread: an emulator renewal builds several envelopes of a few KB each, and
        // a fresh MemoryStream per envelope allocated several times the payload in regrown arrays.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        // Escaped as Polar escapes (PolarJson's encoder: '+', '&' and non-ASCII text as they are), not the writer's default.
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = PolarJson.Options.Encoder });
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("timestamp", text);
        writer.WritePropertyName("data");
        JsonSerializer.Serialize(writer, data, PolarJson.TypeInfo<TData>());
        writer.WriteEndObject();
        writer.Flush();

        // Read back what was written, so Timestamp equals what a receiver parsing RawJson would see.
        var parsed = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        // Kept as UTF-8: the bytes are what is signed and sent, and a UTF-16 string of them would be twice the size.
        return new WebhookEnvelope(type, parsed, text, Keep(buffer.WrittenSpan));
    }

    private static ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> json)
    {
        if (json.Length > BlockSize / 8)
        {
            return json.ToArray();
        }

        var block = t_block;
        if (block is null || BlockSize - t_blockUsed < json.Length)
        {
            block = t_block = GC.AllocateUninitializedArray<byte>(BlockSize);
            t_blockUsed = 0;
        }

        var kept = block.AsMemory(t_blockUsed, json.Length);
        json.CopyTo(kept.Span);
        t_blockUsed += json.Length;
        return kept;
    }
}
