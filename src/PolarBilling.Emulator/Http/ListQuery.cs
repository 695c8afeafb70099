using System.Globalization;
using PolarBilling.Client;

namespace PolarBilling.Emulator.Http;

/// <summary>
/// The query of a Polar list call: <c>page</c> and <c>limit</c> (checked, limit clamped to 100 as Polar does),
/// <c>sorting</c>, repeated filters (<c>?product_id=a&amp;product_id=b</c>) and <c>metadata[key]=value</c>. Bad values
/// are answered with Polar's 422 naming the parameter.
/// </summary>
internal sealed class ListQuery
{
    public const int MaxLimit = 100;

    private readonly IQueryCollection _query;

    private ListQuery(IQueryCollection query, int page, int limit, IReadOnlyDictionary<string, IReadOnlyList<string>> metadata)
    {
        _query = query;
        Page = page;
        Limit = limit;
        Metadata = metadata;
    }

    public int Page { get; }

    public int Limit { get; }

    /// <summary>The <c>metadata[key]=value</c> filters: every key must match one of its values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata { get; }

    /// <exception cref="EmulatorProblem">422 for a page or limit that is not a positive integer.</exception>
    public static ListQuery From(HttpContext context)
    {
        var query = context.Request.Query;
        var page = PositiveInt(query, "page", 1);
        var limit = Math.Min(PositiveInt(query, "limit", 10), MaxLimit);
        var metadata = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (key.StartsWith("metadata[", StringComparison.Ordinal) && key.EndsWith(']'))
            {
                metadata[key["metadata[".Length..^1]] = [.. values.OfType<string>()];
            }
        }

        return new ListQuery(query, page, limit, metadata);
    }

    /// <summary>Every value of a repeatable parameter; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string name) => _query.TryGetValue(name, out var values) ? [.. values.OfType<string>()] : [];

    /// <summary>The single value of a parameter, or <see langword="null"/>.</summary>
    public string? String(string name) => _query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>A boolean parameter, read as pydantic reads booleans.</summary>
    /// <exception cref="EmulatorProblem">422 <c>bool_parsing</c>.</exception>
    public bool? Bool(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        return text.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" or "ON" or "T" or "Y" => true,
            "FALSE" or "0" or "NO" or "OFF" or "F" or "N" => false,
            _ => throw Problems.Validation([ValidationIssue.Query(name, "bool_parsing", "Input should be a valid boolean, unable to interpret input", text)], "RequestValidationError"),
        };
    }

    /// <summary>A date-time parameter.</summary>
    /// <exception cref="EmulatorProblem">422 <c>datetime_from_date_parsing</c>.</exception>
    public DateTimeOffset? Date(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value
            : throw Problems.Validation([ValidationIssue.Query(name, "datetime_from_date_parsing", "Input should be a valid datetime or date, invalid character in year", text)], "RequestValidationError");
    }

    /// <summary>Whether <paramref name="metadata"/> matches every <c>metadata[key]</c> filter of the query.</summary>
    public bool MatchesMetadata(IReadOnlyDictionary<string, MetadataValue>? metadata)
    {
        foreach (var (key, wanted) in Metadata)
        {
            if (metadata is null || !metadata.TryGetValue(key, out var value) || !wanted.Any(w => Same(value, w)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sorts by <c>sorting</c> (or <paramref name="defaultSorting"/>), slices the page and answers Polar's list shape.</summary>
    /// <exception cref="EmulatorProblem">422 for a sort field the list does not offer.</exception>
    public IResult Answer<T>(IEnumerable<T> matching, SortKeys<T> keys, params string[] defaultSorting)
    {
        var sorting = Strings("sorting");
        var sorted = keys.Sort(matching, sorting.Count > 0 ? sorting : defaultSorting);
        return ApiResults.Page(sorted.Skip((Page - 1) * Limit).Take(Limit), sorted.Count, Limit);
    }

    private static bool Same(MetadataValue value, string wanted) => value.Kind switch
    {
        MetadataValueKind.Boolean => bool.TryParse(wanted, out var b) && b == value.AsBoolean(),
        MetadataValueKind.Integer => long.TryParse(wanted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l == value.AsInteger(),
        MetadataValueKind.Number => double.TryParse(wanted, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d.Equals(value.AsNumber()),
        _ => string.Equals(value.ToString(), wanted, StringComparison.Ordinal),
    };

    private static int PositiveInt(IQueryCollection query, string name, int fallback)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return fallback;
        }

        var text = values.ToString();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Problems.Validation([ValidationIssue.Query(name, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", text)], "RequestValidationError");
        }

        return value > 0 ? value
            : throw Problems.Validation([ValidationIssue.Query(name, "greater_than", "Input should be greater than 0", text, new System.Text.Json.Nodes.JsonObject { ["gt"] = 0 })], "RequestValidationError");
    }
}
