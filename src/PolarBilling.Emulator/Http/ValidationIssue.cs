using System.Text.Json.Nodes;

namespace PolarBilling.Emulator.Http;

/// <summary>
/// One entry of a 422 <c>detail</c> list, shaped as Polar's (pydantic's) errors:
/// <c>{"type": "missing", "loc": ["body", "email"], "msg": "Field required", "input": {...}}</c>, plus pydantic's
/// <c>ctx</c> for the error types that carry one (<c>{"min_length": 3}</c>, <c>{"expected": "'a' or 'b'"}</c>).
/// </summary>
/// <param name="Type">The pydantic error type, e.g. <c>missing</c>, <c>string_type</c>, <c>value_error</c>.</param>
/// <param name="Location">Where: <c>body</c>/<c>query</c>/<c>path</c> first, then field names and indexes.</param>
/// <param name="Message">What is wrong, in Polar's words where known.</param>
/// <param name="Input">The offending input, as Polar echoes it.</param>
/// <param name="Context">pydantic's <c>ctx</c>; <see langword="null"/> leaves the key out, as pydantic does for types without one.</param>
internal sealed record ValidationIssue(string Type, IReadOnlyList<object> Location, string Message, JsonNode? Input = null, JsonObject? Context = null)
{
    /// <summary>An issue in the request body at <paramref name="path"/> (field names and indexes).</summary>
    public static ValidationIssue Body(string type, string message, JsonNode? input, params object[] path) =>
        new(type, ["body", .. path], message, input);

    /// <summary>A business-rule rejection of a body field, as Polar's services raise them (<c>value_error</c>).</summary>
    public static ValidationIssue BodyValue(string field, string message, JsonNode? input = null) =>
        new("value_error", ["body", field], message, input);

    /// <summary>An issue with a query parameter.</summary>
    public static ValidationIssue Query(string name, string type, string message, string? input, JsonObject? context = null) =>
        new(type, ["query", name], message, input is null ? null : JsonValue.Create(input), context);

    public JsonObject ToJson()
    {
        var location = new JsonArray();
        foreach (var part in Location)
        {
            location.Add(part is int index ? JsonValue.Create(index) : JsonValue.Create(part.ToString()));
        }

        var json = new JsonObject
        {
            ["type"] = Type,
            ["loc"] = location,
            ["msg"] = Message,
            ["input"] = Input?.DeepClone(),
        };
        if (Context is not null)
        {
            json["ctx"] = Context.DeepClone();
        }

        return json;
    }
}
