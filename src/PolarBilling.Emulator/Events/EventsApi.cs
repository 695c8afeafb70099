using System.Buffers;
using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Events;

/// <summary>Polar's events API (<c>/v1/events/</c>): ingest, list (offset or cursor pages), get, and the list of names.</summary>
internal static class EventsApi
{
    private static readonly SortKeys<Event> Sort = new SortKeys<Event>(e => e.Id).Add("timestamp", e => e.Timestamp);

    private static readonly SortKeys<EventName> NameSort = new SortKeys<EventName>(n => n.Name + "\n" + n.Source.Value)
        .Add("name", n => n.Name)
        .Add("occurrences", n => n.Occurrences)
        .Add("first_seen", n => n.FirstSeen)
        .Add("last_seen", n => n.LastSeen);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/events/ingest", Ingest).WithPolarOperation("events:ingest");
        v1.MapGet("/events/", List).WithPolarOperation("events:list");
        v1.MapGet("/events/names", ListNames).WithPolarOperation("events:list_names");
        v1.MapGet("/events/{id}", Get).WithPolarOperation("events:get");
        return v1;
    }

    private static IResult Ingest(HttpContext context, EmulatorState state)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Json(EventIngestion.Ingest(state, body));
        }
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var cursor = q.Bool("cursor_pagination") ?? false;
        lock (state.Gate)
        {
            var sorting = q.Strings("sorting");
            var sorted = Sort.Sort(EventQuery.Matching(state, q), sorting.Count > 0 ? sorting : ["-timestamp"]);
            var children = state.Events.All.Where(e => e.ParentId is not null).ToLookup(e => e.ParentId);
            var page = sorted.Skip((q.Page - 1) * q.Limit).Take(q.Limit).Select(e => EventViews.Refresh(state, e, children)).ToList();
            return cursor ? CursorPage(page, sorted.Count > q.Page * q.Limit) : ApiResults.Page(page, sorted.Count, q.Limit);
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(EventViews.Refresh(state, state.Events.Get(id)));
        }
    }

    private static IResult ListNames(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var sources = q.Strings("source");
        var query = q.String("query");
        lock (state.Gate)
        {
            var names = EventQuery.ByCustomers(state, state.Events.All, q.Strings("customer_id"), q.Strings("external_customer_id"))
                .Where(e => (sources.Count == 0 || sources.Contains(EventProperties.Source(e)))
                    && (query is null || EventProperties.Name(e).Contains(query, StringComparison.OrdinalIgnoreCase)))
                .GroupBy(e => (Name: EventProperties.Name(e), Source: EventProperties.Source(e)))
                .Select(g => new EventName
                {
                    Name = g.Key.Name,
                    Label = g.First().Label,
                    Source = new EventSource(g.Key.Source),
                    Occurrences = g.Count(),
                    FirstSeen = g.Min(e => e.Timestamp),
                    LastSeen = g.Max(e => e.Timestamp),
                });
            return q.Answer(names, NameSort, "-last_seen");
        }
    }

    // Polar's ListResourceWithCursorPagination: {"items": [...], "pagination": {"has_next_page": bool}}.
    private static IResult CursorPage(List<Event> items, bool hasNextPage)
    {
        var info = PolarJson.TypeInfo<Event>();
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = PolarJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                JsonSerializer.Serialize(writer, item, info);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("pagination");
            writer.WriteBoolean("has_next_page", hasNextPage);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return ApiResults.Raw(buffer.WrittenMemory.ToArray());
    }
}
