using PolarBilling.Client;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Meters;

/// <summary>
/// <c>GET /v1/meters/{id}/quantities</c> as Polar's <c>meter/service.py get_quantities</c>: one entry per series
/// timestamp with the meter's aggregation over the matching events in that timestamp's bucket (0 when none), and the
/// total: the sum of the buckets for count and sum, else the same function over the non-empty buckets. With
/// <c>customer_aggregation_function</c>, each bucket first aggregates per customer, then across customers.
/// </summary>
internal static class MeterQuantitiesQuery
{
    public static MeterQuantities Compute(EmulatorState state, Meter meter, QuantityWindow window, ListQuery q)
    {
        var customerIds = q.Strings("customer_id");
        var externalIds = q.Strings("external_customer_id");
        var customerFunction = q.String("customer_aggregation_function");
        if (customerFunction is not null && !AggregationFunction.KnownValues.Contains(new AggregationFunction(customerFunction)))
        {
            throw Problems.Validation(ValidationIssue.Query("customer_aggregation_function", "enum", "Input should be 'count', 'sum', 'max', 'min', 'avg' or 'unique'", customerFunction, new System.Text.Json.Nodes.JsonObject { ["expected"] = "'count', 'sum', 'max', 'min', 'avg' or 'unique'" }));
        }

        var byCustomerId = state.Customers.All.Where(c => customerIds.Contains(c.Id) && c.ExternalId is not null).Select(c => c.ExternalId!).ToHashSet(StringComparer.Ordinal);
        var byExternalId = state.Customers.All.Where(c => c.ExternalId is not null && externalIds.Contains(c.ExternalId)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var events = MeterEngine.MatchingEvents(state, meter)
            .Where(e => customerIds.Count == 0 || (e.CustomerId is not null && customerIds.Contains(e.CustomerId)) || (e.ExternalCustomerId is not null && byCustomerId.Contains(e.ExternalCustomerId)))
            .Where(e => externalIds.Count == 0 || (e.ExternalCustomerId is not null && externalIds.Contains(e.ExternalCustomerId)) || (e.CustomerId is not null && byExternalId.Contains(e.CustomerId)))
            .Where(e => EventQuery.MatchesMetadata(e, q.Metadata))
            .ToLookup(e => window.Bucket(e.Timestamp));

        var result = new MeterQuantities();
        var values = new List<double?>();
        foreach (var timestamp in window.Series())
        {
            var inBucket = events[window.Bucket(timestamp)].ToList();
            var value = customerFunction is null ? MeterAggregator.Aggregate(meter.Aggregation, inBucket) : PerCustomer(state, meter, inBucket, customerFunction);
            values.Add(inBucket.Count == 0 ? null : value);
            result.Quantities.Add(new MeterQuantity { Timestamp = timestamp, Quantity = value ?? 0 });
        }

        // Approximation for unique meters: distinct values over the whole range (see MeterAggregator.Total).
        result.Total = meter.Aggregation is UniqueAggregation && customerFunction is null
            ? MeterAggregator.Aggregate(meter.Aggregation, window.Series().Select(window.Bucket).Distinct().SelectMany(b => events[b])) ?? 0
            : MeterAggregator.Total(meter.Aggregation, values);
        return result;
    }

    private static double? PerCustomer(EmulatorState state, Meter meter, List<Event> events, string function)
    {
        // Polar groups by the resolved customer: the event's customer, else the customer holding its external id.
        var perCustomer = events.GroupBy(e => e.CustomerId ?? state.Customers.All.FirstOrDefault(c => c.ExternalId == e.ExternalCustomerId)?.Id ?? "external:" + e.ExternalCustomerId)
            .Select(g => MeterAggregator.Aggregate(meter.Aggregation, g))
            .OfType<double>()
            .ToList();
        if (perCustomer.Count == 0)
        {
            return null;
        }

        return function switch
        {
            "count" => perCustomer.Count,
            "sum" => perCustomer.Sum(),
            "max" => perCustomer.Max(),
            "min" => perCustomer.Min(),
            "avg" => perCustomer.Average(),
            _ => perCustomer.Distinct().Count(),
        };
    }
}
