using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PolarBilling.Client.Webhooks;

/// <summary>
/// Reads a webhook body (<c>{"type", "timestamp", "data"}</c>) into a typed <see cref="PolarWebhookEvent"/>.
/// Parse only bodies that passed <see cref="WebhookVerifier"/>, or use <see cref="WebhookVerifier.VerifyAndParse(ReadOnlySpan{byte}, Func{string, string?})"/>.
/// </summary>
public static class WebhookEventParser
{
    /// <summary>Parses a webhook body from its raw UTF-8 bytes.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <returns>The typed event, or <see cref="UnknownWebhookEvent"/> for a type this version does not know (never an error).</returns>
    /// <exception cref="WebhookParseException">
    /// The body is not JSON, is not an object, lacks a string <c>type</c>, a date-time <c>timestamp</c> or <c>data</c>, or
    /// <c>data</c> does not fit the known type's model. The message names the field.
    /// </exception>
    public static PolarWebhookEvent Parse(ReadOnlySpan<byte> body)
    {
        using var document = ParseDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookParseException($"The webhook body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object with \"type\", \"timestamp\" and \"data\".");
        }

        var type = ReadType(root);
        var (timestamp, timestampText) = ReadTimestamp(root, type);
        if (!root.TryGetProperty("data", out var data))
        {
            throw new WebhookParseException($"The webhook body of this {type} event has no \"data\" field.", type);
        }

        return WebhookEventRegistry.Create(new WebhookEnvelope(type, timestamp, timestampText, body.ToArray()), data);
    }

    /// <summary>Parses a webhook body given as text.</summary>
    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public static PolarWebhookEvent Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Parse(Encoding.UTF8.GetBytes(body));
    }

    /// <summary>
    /// Reads only the envelope's <c>type</c>, without parsing <c>data</c>: for storing a delivery before processing it.
    /// </summary>
    /// <param name="body">The webhook body.</param>
    /// <param name="type">The event type, when the body is a JSON object with a non-empty string <c>type</c>.</param>
    /// <returns>Whether a type was found. Never throws for bad input.</returns>
    public static bool TryReadType(ReadOnlySpan<byte> body, [NotNullWhen(true)] out string? type)
    {
        type = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text)
            {
                type = text;
            }
        }
        catch (JsonException)
        {
            // Not JSON: no type.
        }

        return type is not null;
    }

    /// <summary>Whether <paramref name="type"/> is one of the <see cref="WebhookEventTypes.All"/> this version parses into a typed class.</summary>
    public static bool IsKnownType(string type) => WebhookEventRegistry.IsKnown(type);

    private static JsonDocument ParseDocument(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new WebhookParseException("The webhook body is empty; Polar always sends a JSON object.");
        }

        try
        {
            return JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw new WebhookParseException($"The webhook body is not valid JSON: {ex.Message}", null, ex);
        }
    }

    private static string ReadType(JsonElement root)
    {
        if (!root.TryGetProperty("type", out var type))
        {
            throw new WebhookParseException("The webhook body has no \"type\" field, so it is not a Polar event envelope.");
        }

        return type.ValueKind == JsonValueKind.String && type.GetString() is { Length: > 0 } text
            ? text
            : throw new WebhookParseException($"The webhook body's \"type\" must be a non-empty string, such as \"subscription.updated\"; it is {type.GetRawText()}.");
    }

    private static (DateTimeOffset Timestamp, string Text) ReadTimestamp(JsonElement root, string type)
    {
        if (!root.TryGetProperty("timestamp", out var element))
        {
            throw new WebhookParseException($"The webhook body of this {type} event has no \"timestamp\" field.", type);
        }

        // ISO 8601 only; a value without an offset is taken as UTC, which is what Polar means.
        if (element.ValueKind == JsonValueKind.String
            && element.TryGetDateTimeOffset(out _)
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return (timestamp, element.GetString()!);
        }

        throw new WebhookParseException(
            $"The \"timestamp\" of this {type} event is {element.GetRawText()}, not an ISO 8601 date-time such as \"2026-10-01T12:00:00.000000Z\".", type);
    }
}
