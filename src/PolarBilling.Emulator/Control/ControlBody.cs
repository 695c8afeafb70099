using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Control;

/// <summary>Reads control API bodies with errors that say exactly which field is wrong.</summary>
internal static class ControlBody
{
    /// <summary>The body as a JSON object; an empty body is an empty object.</summary>
    /// <exception cref="EmulatorProblem">400 <c>InvalidControlRequest</c> when the body is not a JSON object.</exception>
    public static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw Invalid("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw Invalid($"The body is not JSON: {ex.Message}");
        }
    }

    /// <summary>A JSON answer of the control API.</summary>
    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(PolarJson.Options), "application/json", statusCode: status);

    /// <summary>400 <c>InvalidControlRequest</c> with <paramref name="detail"/>.</summary>
    public static EmulatorProblem Invalid(string detail) => Problems.Error(400, "InvalidControlRequest", detail);

    public static string? OptionalString(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw Invalid($"'{name}' must be a string."),
    };

    public static string RequiredString(this JsonObject body, string name) =>
        body.OptionalString(name) ?? throw Invalid($"'{name}' is required.");

    public static long? OptionalLong(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e15 => (long)real,
        _ => throw Invalid($"'{name}' must be an integer."),
    };

    public static IReadOnlyList<string> StringList(this JsonObject body, string name) => body[name] switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid($"'{name}' must be a list of strings."))],
        _ => throw Invalid($"'{name}' must be a list of strings."),
    };
}
