using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Contract;

/// <summary>
/// Turns JSON Schema errors for a request body into the 422 <c>detail</c> entries Polar's server (FastAPI + pydantic
/// v2, <c>errors(include_url=False)</c>) gives: pydantic's <c>type</c>, <c>loc</c>, <c>msg</c>, <c>input</c> and, for
/// the types that carry one, <c>ctx</c>. Only the likely union member is reported, as pydantic reports the member its
/// discriminator picked. Approximation: pydantic also puts the member's tag in <c>loc</c> (<c>["body", "one_time",
/// "name"]</c> for a product); the spec does not name the tags, so <c>loc</c> here is the plain path
/// (<c>["body", "name"]</c>).
/// </summary>
internal static partial class RequestBodyIssues
{
    /// <summary>The issues for <paramref name="body"/>, which failed the operation's schema with <paramref name="errors"/>.</summary>
    public static List<ValidationIssue> From(IReadOnlyList<SpecError> errors, JsonElement body)
    {
        var issues = new List<ValidationIssue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (tags, covered) = TagMismatches(errors, body);
        issues.AddRange(tags.Where(i => seen.Add(i.Type + "|" + string.Join('/', i.Location))));

        var relevant = errors.Where(e => e.Kind != SpecErrorKind.OtherBranch && !covered(e)).ToList();
        if (relevant.Count == 0 && issues.Count == 0)
        {
            relevant = [.. errors];
        }

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

        // A nullable field (`str | None`) is one type to pydantic: the "should be None" half is not reported.
        var located = issues.Where(i => i.Type != "none_required").Select(i => string.Join('/', i.Location)).ToHashSet(StringComparer.Ordinal);
        issues.RemoveAll(i => i.Type == "none_required" && located.Contains(string.Join('/', i.Location)));

        return issues.Count > 0 ? issues
            : [ValidationIssue.Body("value_error", "Value error, the body does not match the schema.", JsonNode.Parse(body.GetRawText()))];
    }

    /// <summary>The 422 entry FastAPI gives for a body that is not JSON: the position and Python's decoder message.</summary>
    public static ValidationIssue JsonInvalid(JsonException error, ReadOnlySpan<byte> body)
    {
        var (position, message) = PythonJsonError(error, System.Text.Encoding.UTF8.GetString(body));
        return new("json_invalid", ["body", position], "JSON decode error", new JsonObject(), new JsonObject { ["error"] = message });
    }

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
                yield return TypeIssue(error, input, path);
                break;
            case "additionalProperties":
                yield return ValidationIssue.Body("extra_forbidden", "Extra inputs are not permitted", input, [.. path]);
                break;
            case "enum" or "const":
                var expected = Expected(error);
                yield return new ValidationIssue(error.Keyword == "enum" ? "enum" : "literal_error", ["body", .. path], $"Input should be {expected}", input, new JsonObject { ["expected"] = expected });
                break;
            case "minLength" or "maxLength":
                var length = Limit(error);
                var (lengthType, bound) = error.Keyword == "minLength" ? ("string_too_short", "least") : ("string_too_long", "most");
                yield return new ValidationIssue(lengthType, ["body", .. path], $"String should have at {bound} {length} character{Plural(length)}", input, new JsonObject { [error.Keyword == "minLength" ? "min_length" : "max_length"] = length });
                break;
            case "minItems" or "maxItems" or "minProperties" or "maxProperties":
                yield return SizeIssue(error, input, path);
                break;
            case "minimum" or "exclusiveMinimum" or "maximum" or "exclusiveMaximum":
                yield return BoundIssue(error, input, path);
                break;
            case "pattern":
                var pattern = (string?)PolarContract.SchemaKeyword(error, "pattern") ?? error.Message;
                yield return new ValidationIssue("string_pattern_mismatch", ["body", .. path], $"String should match pattern '{pattern}'", input, new JsonObject { ["pattern"] = pattern });
                break;
            case "format":
                yield return FormatIssue(error, input, path);
                break;
            default:
                yield return ValidationIssue.Body("value_error", $"Value error, {error.Message}", input, [.. path]);
                break;
        }
    }

    /// <summary>JSON pointer segments as pydantic <c>loc</c> parts: array indexes as numbers.</summary>
    private static List<object> Segments(string pointer, JsonElement body)
    {
        var parts = new List<object>();
        var current = body;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = Unescape(raw);
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

    private static JsonNode? ValueAt(JsonElement body, string pointer) =>
        ElementAt(body, pointer) is { } element ? JsonNode.Parse(element.GetRawText()) : null;

    private static JsonElement? ElementAt(JsonElement body, string pointer)
    {
        var current = body;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = Unescape(raw);
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

        return current.ValueKind == JsonValueKind.Undefined ? null : current;
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex NumberPattern();
}
