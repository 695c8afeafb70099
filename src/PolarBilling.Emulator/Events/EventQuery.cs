using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Meters;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Events;

/// <summary>
/// The filters of <c>GET /v1/events/</c> as Polar's <c>event/service.py _build_filtered_statement</c> applies them:
/// a meter-style <c>filter</c> (JSON), <c>start_timestamp</c>/<c>end_timestamp</c> (exclusive), customers by id or
/// external id (either way round), <c>meter_id</c> (events the meter counts), <c>name</c>, <c>source</c>, <c>query</c>,
/// <c>metadata[…]</c>, and the hierarchy (<c>depth</c>, <c>parent_id</c>).
/// </summary>
internal static class EventQuery
{
    /// <exception cref="EmulatorProblem">422 for an unreadable filter, timestamp or depth, or an unknown meter.</exception>
    public static IEnumerable<Event> Matching(EmulatorState state, ListQuery q)
    {
        IEnumerable<Event> events = state.Events.All;
        if (q.String("filter") is { } filterText)
        {
            var filter = ParseFilter(filterText);
            events = events.Where(e => MeterFilterEvaluator.Matches(filter, e));
        }

        if (q.Date("start_timestamp") is { } start)
        {
            events = events.Where(e => e.Timestamp > start);
        }

        if (q.Date("end_timestamp") is { } end)
        {
            events = events.Where(e => e.Timestamp < end);
        }

        events = ByCustomers(state, events, q.Strings("customer_id"), q.Strings("external_customer_id"));
        if (q.String("meter_id") is { } meterId)
        {
            var meter = state.Meters.Find(meterId)
                ?? throw Problems.Validation(ValidationIssue.Query("meter_id", "meter_id", "Meter not found.", meterId));
            events = events.Where(e => MeterEngine.Matches(meter, e));
        }

        var names = q.Strings("name");
        var sources = q.Strings("source");
        var query = q.String("query");
        events = events.Where(e => (names.Count == 0 || names.Contains(EventProperties.Name(e)))
            && (sources.Count == 0 || sources.Contains(EventProperties.Source(e)))
            && (query is null || MatchesQuery(state, e, query))
            && MatchesMetadata(e, q.Metadata));
        return Hierarchy(state, events, q);
    }

    /// <summary>Polar's customer filters: an event counts for a customer by id or by the customer's external id.</summary>
    public static IEnumerable<Event> ByCustomers(EmulatorState state, IEnumerable<Event> events, IReadOnlyList<string> customerIds, IReadOnlyList<string> externalIds)
    {
        if (customerIds.Count > 0)
        {
            var externals = state.Customers.All.Where(c => customerIds.Contains(c.Id) && c.ExternalId is not null).Select(c => c.ExternalId!).ToHashSet(StringComparer.Ordinal);
            events = events.Where(e => (e.CustomerId is not null && customerIds.Contains(e.CustomerId)) || (e.ExternalCustomerId is not null && externals.Contains(e.ExternalCustomerId)));
        }

        if (externalIds.Count > 0)
        {
            var ids = state.Customers.All.Where(c => c.ExternalId is not null && externalIds.Contains(c.ExternalId)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            events = events.Where(e => (e.ExternalCustomerId is not null && externalIds.Contains(e.ExternalCustomerId)) || (e.CustomerId is not null && ids.Contains(e.CustomerId)));
        }

        return events;
    }

    private static Filter ParseFilter(string text)
    {
        try
        {
            return PolarJson.Deserialize<Filter>(text);
        }
        catch (JsonException)
        {
            throw Problems.Validation(ValidationIssue.Query("filter", "json_invalid", "Invalid JSON", text));
        }
    }

    private static IEnumerable<Event> Hierarchy(EmulatorState state, IEnumerable<Event> events, ListQuery q)
    {
        if (q.String("depth") is not { } depthText)
        {
            return events;
        }

        if (!int.TryParse(depthText, out var depth) || depth is < 0 or > 5)
        {
            throw Problems.Validation(ValidationIssue.Query("depth", "less_than_equal", "Input should be less than or equal to 5", depthText));
        }

        // Distance of every event from the anchor: the given parent, else every root event.
        var anchor = q.String("parent_id");
        var byId = state.Events.Items;
        return events.Where(e =>
        {
            var current = e;
            for (var distance = 0; distance <= depth; distance++)
            {
                if (anchor is null ? current.ParentId is null : current.Id == anchor)
                {
                    return true;
                }

                if (current.ParentId is null || !byId.TryGetValue(current.ParentId, out var parent))
                {
                    return false;
                }

                current = parent;
            }

            return false;
        });
    }

    private static bool MatchesQuery(EmulatorState state, Event e, string query)
    {
        bool Has(string? value) => value?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false;
        var customer = state.Customers.Find(e.CustomerId);
        return Has(EventProperties.Name(e)) || Has(EventProperties.Source(e))
            || (customer is not null && (Has(customer.Id) || Has(customer.ExternalId) || Has(customer.Name) || Has(CustomerEngine.EmailOf(customer))))
            || (EventProperties.All(e)?.Values.Any(v => Has(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())) ?? false);
    }

    public static bool MatchesMetadata(Event item, IReadOnlyDictionary<string, IReadOnlyList<string>> metadata)
    {
        foreach (var (key, wanted) in metadata)
        {
            if (EventProperties.Metadata(item, key) is not { } value || !wanted.Contains(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()))
            {
                return false;
            }
        }

        return true;
    }
}
