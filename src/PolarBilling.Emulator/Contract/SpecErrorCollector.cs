using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace PolarBilling.Emulator.Contract;

/// <summary>
/// Flattens JsonSchema.Net's hierarchical output into <see cref="SpecError"/>s and sorts out <c>anyOf</c>/<c>oneOf</c>
/// noise: in each union only the branches that fit the instance best are kept as the likely cause (see
/// <c>SpecErrorCollector.Branches.cs</c> for how a branch's fit is scored).
/// </summary>
internal static partial class SpecErrorCollector
{
    private const int MaxValueChars = 80;

    public static List<SpecError> Collect(EvaluationResults results, JsonElement instance)
    {
        var raw = new List<RawError>();
        Walk(results, branch: null, raw);
        var best = BestBranches(raw);

        return [.. raw.Select(e => new SpecError(
            e.Location,
            e.Keyword,
            e.Message,
            e.Path,
            e.Schema,
            ValueAt(instance, e.Location),
            e.Branch is null ? SpecErrorKind.Direct
                : BranchesOf(e.Path).All(best.Contains) ? SpecErrorKind.LikelyBranch
                : SpecErrorKind.OtherBranch))];
    }

    /// <summary>Every branch prefix on an evaluation path, outermost first: <c>…/anyOf/1</c>, <c>…/anyOf/1/$ref/oneOf/0</c>.</summary>
    private static IEnumerable<string> BranchesOf(string path) => BranchSegment().Matches(path).Select(m => path[..(m.Index + m.Length)]);

    private static string UnionOf(string branch) => branch[..branch.LastIndexOf('/')];

    private static void Walk(EvaluationResults node, Branch? branch, List<RawError> sink)
    {
        if (node.IsValid)
        {
            return;
        }

        var path = node.EvaluationPath.ToString();
        var location = node.InstanceLocation.ToString();
        var schema = SchemaName(node.SchemaLocation);
        if (BranchEnd().IsMatch(path))
        {
            branch = new Branch(path, location);
        }

        foreach (var (keyword, message) in node.Errors ?? [])
        {
            // A false subschema under additionalProperties reports no keyword: say what it means.
            sink.Add(keyword.Length == 0 && path.EndsWith("/additionalProperties", StringComparison.Ordinal)
                ? new RawError(location, "additionalProperties", "this key is not allowed here", path, schema, branch)
                : new RawError(location, keyword, message, path, schema, branch));
        }

        foreach (var child in node.Details ?? [])
        {
            Walk(child, branch, sink);
        }
    }

    /// <summary><c>https://…#/components/schemas/Product/properties/id</c> becomes <c>Product/properties/id</c>.</summary>
    private static string SchemaName(Uri location)
    {
        var fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        const string Components = "/components/schemas/";
        return fragment.StartsWith(Components, StringComparison.Ordinal) ? fragment[Components.Length..]
            : location.AbsoluteUri.StartsWith(OpenApiSpecDocument.BaseUri, StringComparison.Ordinal) ? fragment
            : "(operation schema)" + fragment;
    }

    /// <summary>The instance value at a JSON pointer, as short JSON text.</summary>
    private static string? ValueAt(JsonElement instance, string pointer)
    {
        var current = instance;
        foreach (var segment in pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var property))
            {
                current = property;
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

        var text = current.GetRawText();
        return text.Length > MaxValueChars ? text[..MaxValueChars] + "..." : text;
    }

    [GeneratedRegex("/(anyOf|oneOf)/[0-9]+$")]
    private static partial Regex BranchEnd();

    [GeneratedRegex("/(anyOf|oneOf)/[0-9]+(?=/|$)")]
    private static partial Regex BranchSegment();

    private sealed record Branch(string Path, string InstanceLocation);

    private sealed record RawError(string Location, string Keyword, string Message, string Path, string Schema, Branch? Branch);
}
