using System.Text.Json.Nodes;
using PolarBilling.Emulator.Control;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Faults;

/// <summary>
/// <c>/emulator/faults</c>: add, list and remove fault rules and set the seed (docs/billing/testing-guide.md,
/// "Fault injection"). A stable contract: tests call it.
/// </summary>
internal static class FaultsControlApi
{
    public static IEndpointRouteBuilder MapFaultsControlApi(this IEndpointRouteBuilder app)
    {
        var faults = app.MapGroup("/emulator/faults");
        faults.MapPost(string.Empty, AddAsync);
        faults.MapGet(string.Empty, List);
        faults.MapDelete(string.Empty, ClearAll);
        faults.MapDelete("/{id}", Remove);
        faults.MapPut("/seed", SetSeedAsync);
        return app;
    }

    /// <summary><c>POST /emulator/faults</c> with a rule → 201 with the rule and its <c>id</c>; 400 naming the bad field.</summary>
    private static async Task<IResult> AddAsync(HttpContext context, FaultRegistry faults)
    {
        var rule = faults.Add(FaultRuleReader.Read(await ControlBody.ReadAsync(context)));
        return ControlBody.Json(faults.Describe(rule), StatusCodes.Status201Created);
    }

    /// <summary><c>GET /emulator/faults</c> → <c>{"seed", "rules": [...], "log": [...]}</c>.</summary>
    private static IResult List(FaultRegistry faults) => ControlBody.Json(faults.Describe());

    /// <summary><c>DELETE /emulator/faults</c>: every rule and the log go, the seed returns to the configured one → 204.</summary>
    private static IResult ClearAll(FaultRegistry faults)
    {
        faults.Clear();
        return Results.NoContent();
    }

    /// <summary><c>DELETE /emulator/faults/{id}</c> → 204, or 404 when there is no such rule.</summary>
    private static IResult Remove(string id, FaultRegistry faults) =>
        faults.Remove(id) ? Results.NoContent() : throw Problems.NotFound($"No fault rule '{id}'. GET /emulator/faults lists the rules.");

    /// <summary><c>PUT /emulator/faults/seed</c> <c>{"seed": 42}</c> → 200 <c>{"seed": 42}</c>.</summary>
    private static async Task<IResult> SetSeedAsync(HttpContext context, FaultRegistry faults)
    {
        var body = await ControlBody.ReadAsync(context);
        var seed = body.OptionalLong("seed") ?? throw ControlBody.Invalid("'seed' is required: an integer that drives every fault decision.");
        faults.SetSeed(seed);
        return ControlBody.Json(new JsonObject { ["seed"] = seed });
    }
}
