using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Meters;

/// <summary>Polar's meters API (<c>/v1/meters/</c>): list, create, get, update (archive) and quantities.</summary>
internal static class MetersApi
{
    private static readonly SortKeys<Meter> Sort = new SortKeys<Meter>(m => m.Id)
        .Add("created_at", m => m.CreatedAt)
        .Add("name", m => m.Name);

    public static IEndpointRouteBuilder MapMetersApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/meters/", List).WithPolarOperation("meters:list");
        v1.MapPost("/meters/", Create).WithPolarOperation("meters:create");
        v1.MapGet("/meters/{id}", Get).WithPolarOperation("meters:get");
        v1.MapPatch("/meters/{id}", Update).WithPolarOperation("meters:update");
        v1.MapGet("/meters/{id}/quantities", Quantities).WithPolarOperation("meters:quantities");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var query = q.String("query");
        var archived = q.Bool("is_archived");
        lock (state.Gate)
        {
            var matching = state.Meters.All.Where(m => (query is null || m.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
                && (archived is null || (m.ArchivedAt is not null) == archived)
                && q.MatchesMetadata(m.Metadata));
            return q.Answer(matching, Sort, "name");
        }
    }

    private static IResult Create(HttpContext context, EmulatorState state)
    {
        var create = context.Body<MeterCreate>();
        lock (state.Gate)
        {
            return ApiResults.Created(MeterRules.Create(state, create));
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(state.Meters.Get(id));
        }
    }

    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Json(MeterRules.Update(state, state.Meters.Get(id), body));
        }
    }

    private static IResult Quantities(HttpContext context, EmulatorState state, string id)
    {
        var q = ListQuery.From(context);
        lock (state.Gate)
        {
            var meter = state.Meters.Get(id);
            return ApiResults.Json(MeterQuantitiesQuery.Compute(state, meter, QuantityWindow.From(q), q));
        }
    }
}
