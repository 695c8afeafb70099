using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarBilling.Client.Serialization;

/// <summary>
/// Writes instants the way Polar's server does (UTC, <c>Z</c>, microseconds only when non-zero, e.g.
/// <c>2026-10-09T08:53:20.123456Z</c>) so payloads an emulator or a test builds look like Polar's. Reads any ISO-8601.
/// </summary>
public sealed class PolarDateTimeConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return value;
        }

        throw new JsonException($"Expected an ISO-8601 date-time string, got {reader.TokenType}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Written as UTF-8 digits, not through a custom format string and a string: every model carries several
        // instants, and an emulator's year of renewals writes millions of them.
        Span<byte> text = stackalloc byte[MaxLength];
        writer.WriteStringValue(text[..FormatUtf8(value, text)]);
    }

    /// <summary>Formats an instant as Polar does.</summary>
    public static string Format(DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        return Encoding.ASCII.GetString(text[..FormatUtf8(value, text)]);
    }

    // 2026-10-09T08:53:20.123456Z
    private const int MaxLength = 27;

    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c>, or with <c>.ffffff</c> (microseconds, truncated) when the instant has a fraction of a second.</summary>
    private static int FormatUtf8(DateTimeOffset value, Span<byte> text)
    {
        var utc = value.UtcDateTime;
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), utc.Second);
        var length = 19;
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text[19] = (byte)'.';
            Digits(text.Slice(20, 6), (int)(fraction / 10));
            length = 26;
        }

        text[length] = (byte)'Z';
        return length + 1;
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
