using System.Globalization;
using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Events;

namespace PolarBilling.Emulator.Meters;

/// <summary>
/// A meter's aggregation over events, as Polar's SQL computes it (server <c>meter/aggregation.py</c>): <c>count</c>
/// counts events; <c>sum</c>/<c>max</c>/<c>min</c>/<c>avg</c> read a numeric property (only events whose value is a
/// JSON number take part; <c>timestamp</c> is epoch seconds; <c>name</c>/<c>source</c> match nothing);
/// <c>unique</c> counts distinct values of a metadata key. No matching event gives 0 (Polar's <c>coalesce(…, 0)</c>).
/// </summary>
internal static class MeterAggregator
{
    /// <summary>The aggregation function's name: <c>count</c>, <c>sum</c>, <c>max</c>, <c>min</c>, <c>avg</c> or <c>unique</c>.</summary>
    public static string Function(MeterAggregation aggregation) => aggregation switch
    {
        CountAggregation => "count",
        PropertyAggregation property => property.Func,
        UniqueAggregation => "unique",
        _ => "count",
    };

    /// <summary>Whether per-bucket results add up to the total (count and sum), as Polar's <c>is_summable</c>.</summary>
    public static bool IsSummable(MeterAggregation aggregation) => Function(aggregation) is "count" or "sum";

    /// <summary>The extra condition an event must meet to be aggregated (a number in the property for sum/max/min/avg).</summary>
    public static bool Accepts(MeterAggregation aggregation, Event item)
    {
        if (aggregation is not PropertyAggregation property)
        {
            return true;
        }

        return MeterFilterEvaluator.StripMetadataPrefix(property.Property) switch
        {
            "timestamp" => true,
            "name" or "source" => false,
            var key => EventProperties.Metadata(item, key) is { ValueKind: JsonValueKind.Number },
        };
    }

    /// <summary>The aggregated value of <paramref name="events"/> (already filtered), or <see langword="null"/> for none.</summary>
    public static double? Aggregate(MeterAggregation aggregation, IEnumerable<Event> events)
    {
        switch (aggregation)
        {
            case PropertyAggregation property:
                var key = MeterFilterEvaluator.StripMetadataPrefix(property.Property);
                var values = events.Select(e => Number(e, key)).OfType<double>().ToList();
                if (values.Count == 0)
                {
                    return null;
                }

                return property.Func switch
                {
                    "sum" => values.Sum(),
                    "max" => values.Max(),
                    "min" => values.Min(),
                    "avg" => values.Average(),
                    _ => null,
                };
            case UniqueAggregation unique:
                var uniqueKey = MeterFilterEvaluator.StripMetadataPrefix(unique.Property);
                return events.Select(e => Distinct(e, uniqueKey)).OfType<string>().Distinct(StringComparer.Ordinal).Count();
            default:
                return events.Count();
        }
    }

    /// <summary>
    /// Combines per-bucket results into the running total Polar reports: sums for count/sum, else the same function over
    /// the non-empty buckets. Not for <c>unique</c>: Polar's window query has no faithful total for it (PostgreSQL
    /// refuses <c>count(DISTINCT …) OVER</c>), so callers count the distinct values over the whole range instead.
    /// </summary>
    public static double Total(MeterAggregation aggregation, IEnumerable<double?> buckets)
    {
        var present = buckets.OfType<double>().ToList();
        if (present.Count == 0)
        {
            return 0;
        }

        return Function(aggregation) switch
        {
            "count" or "sum" => present.Sum(),
            "max" => present.Max(),
            "min" => present.Min(),
            "avg" => present.Average(),
            _ => present.Sum(),
        };
    }

    private static double? Number(Event item, string key)
    {
        if (key == "timestamp")
        {
            return item.Timestamp.ToUnixTimeSeconds();
        }

        return EventProperties.Metadata(item, key) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;
    }

    // JSONB equality: numbers by value, strings and booleans by their JSON text, so "1" and 1 stay distinct.
    private static string? Distinct(Event item, string key) => EventProperties.Metadata(item, key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } value => "n:" + value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        { } value => value.GetRawText(),
    };
}
