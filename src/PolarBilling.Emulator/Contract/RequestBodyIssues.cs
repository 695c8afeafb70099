using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Contract;

/// <summary>
/// Turns JSON Schema errors for a request body into the 422 <c>detail</c> entries Polar's server (pydantic) gives:
/// <c>missing</c> / <c>Field required</c> with the field in <c>loc</c>, <c>string_type</c>, <c>enum</c>,
/// <c>string_too_short</c>, <c>extra_forbidden</c> and so on. Only the likely cause is reported when a union's
/// branches disagree, as pydantic reports the branch the discriminator picked.
/// </summary>
internal static partial class RequestBodyIssues
{
    /// <summary>The issues for <paramref name="body"/>, which failed the operation's schema with <paramref name="errors"/>.</summary>
    public static List<ValidationIssue> From(IReadOnlyList<SpecError> errors, JsonElement body)
    {
        var relevant = errors.Where(e => e.Kind != SpecErrorKind.OtherBranch).ToList();
        if (relevant.Count == 0)
        {
            relevant = [.. errors];
        }

        var issues = new List<ValidationIssue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in relevant.OrderBy(e => e.Rank))
        {
            foreach (var issue in Map(error, body))
            {
                if (seen.Add(issue.Type + "|" + string.Join('/', issue.Location)))
                {
                    issues.Add(issue);
                }
            }
        }

        return issues.Count > 0 ? issues
            : [ValidationIssue.Body("value_error", "Value error, the body does not match the schema.", JsonNode.Parse(body.GetRawText()))];
    }

    /// <summary>The 422 entry for a body that is not JSON at all.</summary>
    public static ValidationIssue JsonInvalid(JsonException error) =>
        new("json_invalid", ["body", (int)(error.BytePositionInLine ?? 0)], "JSON decode error", new JsonObject());

    /// <summary>The 422 entry for a required body that was not sent.</summary>
    public static ValidationIssue BodyMissing() => new("missing", ["body"], "Field required");

    private static IEnumerable<ValidationIssue> Map(SpecError error, JsonElement body)
    {
        var path = Segments(error.InstanceLocation, body);
        var input = ValueAt(body, error.InstanceLocation);
        switch (error.Keyword)
        {
            case "required":
                foreach (Match name in QuotedName().Matches(error.Message))
                {
                    yield return ValidationIssue.Body("missing", "Field required", input, [.. path, name.Groups[1].Value]);
                }

                break;
            case "type":
                var expected = ExpectedType().Match(error.Message) is { Success: true } m ? m.Groups[1].Value : "value";
                yield return ValidationIssue.Body(TypeError(expected), $"Input should be a valid {Noun(expected)}", input, [.. path]);
                break;
            case "additionalProperties":
                yield return ValidationIssue.Body("extra_forbidden", "Extra inputs are not permitted", input, [.. path]);
                break;
            case "enum" or "const":
                yield return ValidationIssue.Body(error.Keyword == "enum" ? "enum" : "literal_error", $"Input should be {Allowed(error.Message)}", input, [.. path]);
                break;
            case "minLength":
                yield return ValidationIssue.Body("string_too_short", $"String should have at least {Number(error.Message)} characters", input, [.. path]);
                break;
            case "maxLength":
                yield return ValidationIssue.Body("string_too_long", $"String should have at most {Number(error.Message)} characters", input, [.. path]);
                break;
            case "minimum":
                yield return ValidationIssue.Body("greater_than_equal", $"Input should be greater than or equal to {Number(error.Message)}", input, [.. path]);
                break;
            case "exclusiveMinimum":
                yield return ValidationIssue.Body("greater_than", $"Input should be greater than {Number(error.Message)}", input, [.. path]);
                break;
            case "maximum":
                yield return ValidationIssue.Body("less_than_equal", $"Input should be less than or equal to {Number(error.Message)}", input, [.. path]);
                break;
            case "exclusiveMaximum":
                yield return ValidationIssue.Body("less_than", $"Input should be less than {Number(error.Message)}", input, [.. path]);
                break;
            case "minItems":
                yield return ValidationIssue.Body("too_short", $"List should have at least {Number(error.Message)} items", input, [.. path]);
                break;
            case "maxItems":
                yield return ValidationIssue.Body("too_long", $"List should have at most {Number(error.Message)} items", input, [.. path]);
                break;
            case "pattern":
                yield return ValidationIssue.Body("string_pattern_mismatch", $"String should match pattern: {error.Message}", input, [.. path]);
                break;
            case "maxProperties":
                yield return ValidationIssue.Body("too_long", $"Dictionary should have at most {Number(error.Message)} items", input, [.. path]);
                break;
            default:
                yield return ValidationIssue.Body("value_error", $"Value error, {error.Message}", input, [.. path]);
                break;
        }
    }

    private static string TypeError(string expected) => expected switch
    {
        "string" => "string_type",
        "integer" => "int_type",
        "number" => "float_type",
        "boolean" => "bool_type",
        "array" => "list_type",
        "object" => "dict_type",
        "null" => "none_required",
        _ => "type_error",
    };

    private static string Noun(string expected) => expected switch
    {
        "integer" => "integer",
        "number" => "number",
        "boolean" => "boolean",
        "array" => "list",
        "object" => "dictionary",
        "null" => "null",
        _ => expected,
    };

    private static string Allowed(string message)
    {
        var names = QuotedName().Matches(message).Select(m => $"'{m.Groups[1].Value}'").ToList();
        return names.Count switch
        {
            0 => "one of the allowed values",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " or " + names[^1],
        };
    }

    private static string Number(string message) => NumberPattern().Match(message) is { Success: true } m ? m.Value : "the limit";

    /// <summary>JSON pointer segments as pydantic <c>loc</c> parts: array indexes as numbers.</summary>
    private static List<object> Segments(string pointer, JsonElement body)
    {
        var parts = new List<object>();
        var current = body;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                parts.Add(index);
                current = index < current.GetArrayLength() ? current[index] : default;
            }
            else
            {
                parts.Add(segment);
                current = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child) ? child : default;
            }
        }

        return parts;
    }

    private static JsonNode? ValueAt(JsonElement body, string pointer)
    {
        var current = body;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(current.GetRawText());
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();

    [GeneratedRegex("should be \"?([a-z]+)\"?")]
    private static partial Regex ExpectedType();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
