using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolarBilling.Client;
using PolarBilling.Emulator.Events;

namespace PolarBilling.Emulator.Meters;

/// <summary>
/// Whether an event matches a meter's filter, clause by clause as Polar's SQL does (server <c>meter/filter.py</c>):
/// <c>name</c>, <c>source</c> (strings) and <c>timestamp</c> (epoch seconds, integers) are event columns; any other
/// property is a metadata key (a <c>metadata.</c> prefix is stripped). A metadata string compares as text, a number
/// only with an integer value, a boolean only with a boolean; a missing key or another type never matches, not even
/// <c>ne</c> (SQL NULL). <c>like</c>/<c>not_like</c> compare text containing the value (<c>%value%</c>).
/// </summary>
internal static class MeterFilterEvaluator
{
    public static bool Matches(FilterCondition condition, Event item) => condition switch
    {
        Filter filter => filter.Clauses.Count == 0
            || (filter.Conjunction == FilterConjunction.Or ? filter.Clauses.Any(c => Matches(c, item)) : filter.Clauses.All(c => Matches(c, item))),
        FilterClause clause => Matches(clause, item),
        _ => false,
    };

    private static bool Matches(FilterClause clause, Event item)
    {
        var property = StripMetadataPrefix(clause.Property);
        var value = clause.Value;
        switch (property)
        {
            case "name":
                return value.Kind == MetadataValueKind.String && Compare(clause.Operator, EventProperties.Name(item), value.ToString());
            case "source":
                return value.Kind == MetadataValueKind.String && Compare(clause.Operator, EventProperties.Source(item), value.ToString());
            case "timestamp":
                // Python's bool is an int, so a boolean value compares as 1/0 here as it does in Polar.
                return IntegerOf(value) is { } seconds && Compare(clause.Operator, item.Timestamp.ToUnixTimeSeconds(), seconds);
        }

        if (EventProperties.Metadata(item, property) is not { } attribute)
        {
            return false;
        }

        if (clause.Operator == FilterOperator.Like || clause.Operator == FilterOperator.NotLike)
        {
            return Text(attribute) is { } text && Compare(clause.Operator, text, StringValue(value));
        }

        return attribute.ValueKind switch
        {
            JsonValueKind.String => Compare(clause.Operator, attribute.GetString()!, StringValue(value)),
            JsonValueKind.Number => IntegerOf(value) is { } number && Compare(clause.Operator, attribute.GetDouble(), (double)number),
            JsonValueKind.True or JsonValueKind.False => value.Kind == MetadataValueKind.Boolean && Compare(clause.Operator, attribute.GetBoolean(), value.AsBoolean()),
            _ => false,
        };
    }

    public static string StripMetadataPrefix(string property) =>
        property.StartsWith("metadata.", StringComparison.Ordinal) ? property["metadata.".Length..] : property;

    private static bool Compare(FilterOperator op, string left, string right)
    {
        if (op == FilterOperator.Like || op == FilterOperator.NotLike)
        {
            var contains = Like(left, right);
            return op == FilterOperator.Like ? contains : !contains;
        }

        return Ordered(op, string.CompareOrdinal(left, right));
    }

    private static bool Compare<T>(FilterOperator op, T left, T right)
        where T : IComparable<T> =>
        op == FilterOperator.Like || op == FilterOperator.NotLike
            ? Compare(op, Convert.ToString(left, CultureInfo.InvariantCulture)!, Convert.ToString(right, CultureInfo.InvariantCulture)!)
            : Ordered(op, left.CompareTo(right));

    private static bool Ordered(FilterOperator op, int comparison) => op.Value switch
    {
        "eq" => comparison == 0,
        "ne" => comparison != 0,
        "gt" => comparison > 0,
        "gte" => comparison >= 0,
        "lt" => comparison < 0,
        "lte" => comparison <= 0,
        _ => false,
    };

    // SQL LIKE '%value%': the value's own % and _ stay wildcards, as in Polar's query.
    private static bool Like(string text, string value)
    {
        var pattern = "^.*" + string.Concat(value.Select(c => c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) })) + ".*$";
        return Regex.IsMatch(text, pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // A JSONB value read with ->> : strings as they are, numbers and booleans as their JSON text.
    private static string? Text(JsonElement attribute) => attribute.ValueKind switch
    {
        JsonValueKind.String => attribute.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => attribute.GetRawText(),
        JsonValueKind.Object or JsonValueKind.Array => attribute.GetRawText(),
        _ => null,
    };

    // Polar turns a boolean filter value into PostgreSQL's text 't'/'f' when it compares with text.
    private static string StringValue(MetadataValue value) =>
        value.Kind == MetadataValueKind.Boolean ? (value.AsBoolean() ? "t" : "f") : value.ToString();

    private static long? IntegerOf(MetadataValue value) => value.Kind switch
    {
        MetadataValueKind.Integer => value.AsInteger(),
        MetadataValueKind.Boolean => value.AsBoolean() ? 1 : 0,
        _ => null,
    };
}
