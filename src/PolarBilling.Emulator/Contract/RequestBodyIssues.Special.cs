using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Contract;

/// <summary>The errors pydantic words its own way: discriminated unions, string formats, and JSON that does not parse.</summary>
internal static partial class RequestBodyIssues
{
    /// <summary>
    /// Unions where every member's <c>const</c> fails on the same key (<c>amount_type</c>, <c>type</c>): a tag that
    /// matches no member, which pydantic reports once as <c>union_tag_invalid</c> instead of each member's errors.
    /// </summary>
    private static (List<ValidationIssue> Issues, Func<SpecError, bool> Covered) TagMismatches(IReadOnlyList<SpecError> errors, JsonElement body)
    {
        var branchesByUnion = errors.SelectMany(e => Branches(e.EvaluationPath)).Distinct(StringComparer.Ordinal)
            .GroupBy(b => b[..b.LastIndexOf('/')], StringComparer.Ordinal);
        var issues = new List<ValidationIssue>();
        var covered = new List<(string Union, string Location)>();
        foreach (var union in branchesByUnion)
        {
            var tags = errors.Where(e => e.Keyword == "const" && Branches(e.EvaluationPath).LastOrDefault() is { } b && b[..b.LastIndexOf('/')] == union.Key).ToList();
            var location = tags.FirstOrDefault()?.InstanceLocation;
            if (location is null || union.Any(b => !tags.Any(t => t.InstanceLocation == location && t.EvaluationPath.StartsWith(b + "/", StringComparison.Ordinal)))
                || ElementAt(body, location) is not { ValueKind: JsonValueKind.String } tag)
            {
                continue;
            }

            var parent = location[..location.LastIndexOf('/')];
            var discriminator = $"'{location[(location.LastIndexOf('/') + 1)..]}'";
            var expected = string.Join(", ", union.OrderBy(b => int.Parse(b[(b.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
                .Select(b => tags.First(t => t.EvaluationPath.StartsWith(b + "/", StringComparison.Ordinal)))
                .Select(t => Expected(t)).Distinct(StringComparer.Ordinal));
            var value = tag.GetString()!;
            issues.Add(new ValidationIssue(
                "union_tag_invalid",
                ["body", .. Segments(parent, body)],
                $"Input tag '{value}' found using {discriminator} does not match any of the expected tags: {expected}",
                ValueAt(body, parent),
                new JsonObject { ["discriminator"] = discriminator, ["tag"] = value, ["expected_tags"] = expected }));
            covered.Add((union.Key, parent));
        }

        return (issues, e => covered.Any(c => e.EvaluationPath.StartsWith(c.Union + "/", StringComparison.Ordinal)
            && (e.InstanceLocation == c.Location || e.InstanceLocation.StartsWith(c.Location + "/", StringComparison.Ordinal))));
    }

    /// <summary>A string that breaks its <c>format</c>, as pydantic's typed fields (UUID4, EmailStr, AwareDatetime) reject it.</summary>
    private static ValidationIssue FormatIssue(SpecError error, JsonNode? input, List<object> path)
    {
        var text = input?.GetValueKind() == JsonValueKind.String ? input.GetValue<string>() : input?.ToJsonString() ?? string.Empty;
        var format = QuotedName().Match(error.Message) is { Success: true } m ? m.Groups[1].Value : string.Empty;
        var (type, message, reason) = format switch
        {
            "uuid" => ("uuid_parsing", "Input should be a valid UUID, {0}", UuidProblem(text)),
            "email" => ("value_error", "value is not a valid email address: {0}", text.Contains('@', StringComparison.Ordinal)
                ? "The part after the @-sign is not valid. It should have a period." : "An email address must have an @-sign."),
            "date-time" => ("datetime_from_date_parsing", "Input should be a valid datetime or date, {0}", text.Length < 10 ? "input is too short" : "invalid character in year"),
            "date" => ("date_from_datetime_parsing", "Input should be a valid date or datetime, {0}", text.Length < 10 ? "input is too short" : "invalid character in year"),
            _ => ("value_error", "Value error, {0}", error.Message),
        };
        var context = new JsonObject { [format == "email" ? "reason" : "error"] = reason };
        return new ValidationIssue(type, ["body", .. path], string.Format(System.Globalization.CultureInfo.InvariantCulture, message, reason), input, context);
    }

    /// <summary>What Rust's uuid parser (behind pydantic) says about a bad UUID, for the common cases.</summary>
    private static string UuidProblem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Uri.IsHexDigit(text[i]) && text[i] != '-')
            {
                return $"invalid character: found `{text[i]}` at {i + 1}";
            }
        }

        var groups = text.Split('-');
        if (groups.Length == 1)
        {
            return $"invalid length: expected length 32 for simple format, found {text.Length}";
        }

        int[] lengths = [8, 4, 4, 4, 12];
        if (groups.Length != lengths.Length)
        {
            return $"invalid group count: expected 5, found {groups.Length}";
        }

        var bad = Enumerable.Range(0, lengths.Length).First(i => groups[i].Length != lengths[i]);
        return $"invalid group length in group {bad}: expected {lengths[bad]}, found {groups[bad].Length}";
    }

    /// <summary>
    /// Python's <c>json.loads</c> error for the body: its message (<c>ctx.error</c>) and character position (the
    /// <c>loc</c> index). Approximation: mapped from System.Text.Json's error, exact for the usual mistakes (a
    /// truncated body, a stray character, a missing comma or colon, trailing data).
    /// </summary>
    private static (int Position, string Message) PythonJsonError(JsonException error, string text)
    {
        var trimmed = text.TrimEnd();
        var message = error.Message;
        if (message.Contains("after a single JSON value", StringComparison.Ordinal))
        {
            return (ExtraDataStart(text), "Extra data");
        }

        if (message.Contains("end of data", StringComparison.Ordinal) && message.Contains("string", StringComparison.Ordinal))
        {
            return (Math.Max(0, trimmed.LastIndexOf('"')), "Unterminated string starting at");
        }

        if (message.Contains("end of data", StringComparison.Ordinal) || message.Contains("depth to be zero", StringComparison.Ordinal) || trimmed.Length == 0)
        {
            var last = trimmed.Length == 0 ? ' ' : trimmed[^1];
            var expecting = last is ',' or '{' ? "Expecting property name enclosed in double quotes"
                : last is ':' or '[' or ' ' ? "Expecting value" : "Expecting ',' delimiter";
            return (text.Length, expecting);
        }

        var position = Offset(text, (int)(error.LineNumber ?? 0), (int)(error.BytePositionInLine ?? 0));
        return (position, message switch
        {
            _ when message.Contains("Expected a ':'", StringComparison.Ordinal) => "Expecting ':' delimiter",
            _ when message.Contains("start of a property name", StringComparison.Ordinal) => "Expecting property name enclosed in double quotes",
            _ when message.Contains("after a value", StringComparison.Ordinal) => "Expecting ',' delimiter",
            _ => "Expecting value",
        });
    }

    /// <summary>Where the text after the first complete JSON value starts, as Python reports "Extra data".</summary>
    private static int ExtraDataStart(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        reader.Read();
        reader.Skip();
        var end = System.Text.Encoding.UTF8.GetCharCount(System.Text.Encoding.UTF8.GetBytes(text), 0, (int)reader.BytesConsumed);
        while (end < text.Length && char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>The character offset of a (line, byte-in-line) position.</summary>
    private static int Offset(string text, int line, int byteInLine)
    {
        var start = 0;
        for (var i = 0; i < line && start < text.Length; i++)
        {
            var next = text.IndexOf('\n', start);
            start = next < 0 ? text.Length : next + 1;
        }

        var rest = System.Text.Encoding.UTF8.GetBytes(text[start..]);
        return start + System.Text.Encoding.UTF8.GetCharCount(rest, 0, Math.Min(byteInLine, rest.Length));
    }

    /// <summary>Every <c>anyOf</c> branch an evaluation path passes through, outermost first.</summary>
    private static IEnumerable<string> Branches(string path) => BranchSegment().Matches(path).Select(m => path[..(m.Index + m.Length)]);

    [GeneratedRegex("/(anyOf|oneOf)/[0-9]+(?=/|$)")]
    private static partial Regex BranchSegment();
}
