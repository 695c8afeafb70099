using System.Globalization;
using System.Text.Json.Nodes;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Contract;

/// <summary>pydantic-core's error types and messages (Python mode, as FastAPI validates the parsed body).</summary>
internal static partial class RequestBodyIssues
{
    /// <summary>A wrong JSON type, named as pydantic's lax mode names it: a string where a number belongs could not be parsed.</summary>
    private static ValidationIssue TypeIssue(SpecError error, JsonNode? input, List<object> path)
    {
        var expected = QuotedName().Match(error.Message[(error.Message.IndexOf("should be", StringComparison.Ordinal) + 1)..]) is { Success: true } m
            ? m.Groups[1].Value : "value";
        var kind = input?.GetValueKind();
        var isString = kind == System.Text.Json.JsonValueKind.String;
        var isNumber = kind == System.Text.Json.JsonValueKind.Number;
        var (type, message) = expected switch
        {
            "string" => ("string_type", "Input should be a valid string"),
            "integer" when isString => ("int_parsing", "Input should be a valid integer, unable to parse string as an integer"),
            "integer" when isNumber => ("int_from_float", "Input should be a valid integer, got a number with a fractional part"),
            "integer" => ("int_type", "Input should be a valid integer"),
            "number" when isString => ("float_parsing", "Input should be a valid number, unable to parse string as a number"),
            "number" => ("float_type", "Input should be a valid number"),
            "boolean" when isString || isNumber => ("bool_parsing", "Input should be a valid boolean, unable to interpret input"),
            "boolean" => ("bool_type", "Input should be a valid boolean"),
            "array" => ("list_type", "Input should be a valid list"),
            "null" => ("none_required", "Input should be None"),
            "object" when !error.SchemaLocation.Contains('/', StringComparison.Ordinal) && !error.SchemaLocation.StartsWith('(') =>
                ("model_type", $"Input should be a valid dictionary or instance of {error.SchemaLocation}"),
            "object" => ("dict_type", "Input should be a valid dictionary"),
            _ => ("type_error", $"Input should be a valid {expected}"),
        };
        var context = type == "model_type" ? new JsonObject { ["class_name"] = error.SchemaLocation } : null;
        return new ValidationIssue(type, ["body", .. path], message, input, context);
    }

    /// <summary>Too few or too many list items or dictionary entries: pydantic's <c>too_short</c>/<c>too_long</c>.</summary>
    private static ValidationIssue SizeIssue(SpecError error, JsonNode? input, List<object> path)
    {
        var limit = Limit(error);
        var isMin = error.Keyword.StartsWith("min", StringComparison.Ordinal);
        var fieldType = error.Keyword.EndsWith("Items", StringComparison.Ordinal) ? "List" : "Dictionary";
        var actual = input switch
        {
            JsonArray array => array.Count,
            JsonObject obj => obj.Count,
            _ => 0,
        };
        var message = $"{fieldType} should have at {(isMin ? "least" : "most")} {limit} item{Plural(limit)} after validation, not {actual}";
        var context = new JsonObject
        {
            ["field_type"] = fieldType,
            [isMin ? "min_length" : "max_length"] = limit,
            ["actual_length"] = actual,
        };
        return new ValidationIssue(isMin ? "too_short" : "too_long", ["body", .. path], message, input, context);
    }

    /// <summary>A number out of range: <c>greater_than_equal</c> (<c>ge</c>), <c>greater_than</c> (<c>gt</c>), and the upper bounds.</summary>
    private static ValidationIssue BoundIssue(SpecError error, JsonNode? input, List<object> path)
    {
        var (type, words, key) = error.Keyword switch
        {
            "minimum" => ("greater_than_equal", "greater than or equal to", "ge"),
            "exclusiveMinimum" => ("greater_than", "greater than", "gt"),
            "maximum" => ("less_than_equal", "less than or equal to", "le"),
            _ => ("less_than", "less than", "lt"),
        };
        var limit = LimitNumber(error);
        var text = limit.ToJsonString();
        return new ValidationIssue(type, ["body", .. path], $"Input should be {words} {text}", input, new JsonObject { [key] = limit });
    }

    /// <summary>The allowed values as pydantic lists them: <c>'draft', 'private' or 'public'</c>.</summary>
    private static string Expected(SpecError error)
    {
        var values = error.Keyword == "enum" && PolarContract.SchemaKeyword(error, "enum") is JsonArray list
            ? [.. list.Select(PythonLiteral)]
            : error.Keyword == "const" && error.Message.StartsWith("Expected ", StringComparison.Ordinal)
                ? [PythonLiteral(ParseOrText(error.Message["Expected ".Length..]))]
                : QuotedName().Matches(error.Message).Select(m => $"'{m.Groups[1].Value}'").ToList();
        return values.Count switch
        {
            0 => "one of the allowed values",
            1 => values[0],
            _ => string.Join(", ", values[..^1]) + " or " + values[^1],
        };
    }

    /// <summary>A JSON value as Python's <c>repr</c> shows it in pydantic messages: <c>'fixed'</c>, <c>True</c>, <c>None</c>.</summary>
    private static string PythonLiteral(JsonNode? value) => value?.GetValueKind() switch
    {
        null or System.Text.Json.JsonValueKind.Null => "None",
        System.Text.Json.JsonValueKind.True => "True",
        System.Text.Json.JsonValueKind.False => "False",
        System.Text.Json.JsonValueKind.String => $"'{value.GetValue<string>()}'",
        _ => value.ToJsonString(),
    };

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            // JsonSchema.Net quotes the const's JSON text once more: "\"fixed\"".
            var node = JsonNode.Parse(text);
            return node?.GetValueKind() == System.Text.Json.JsonValueKind.String && node.GetValue<string>() is { } inner
                && inner.StartsWith('"') && IsJson(inner) ? JsonNode.Parse(inner) : node;
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text.Trim('"'));
        }
    }

    /// <summary>The keyword's limit: the last number of JsonSchema.Net's message ("-1 should be at least 0").</summary>
    private static int Limit(SpecError error) =>
        NumberPattern().Matches(error.Message).LastOrDefault() is { } match
            ? (int)Math.Round(double.Parse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture)) : 0;

    private static JsonValue LimitNumber(SpecError error)
    {
        var match = NumberPattern().Matches(error.Message).LastOrDefault();
        var value = match is null ? 0 : double.Parse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
