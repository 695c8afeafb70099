using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.Faults;
using PolarBilling.Emulator.Clock;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Control;

/// <summary>
/// The emulator's own API under <c>/emulator/</c>, outside Polar's namespace: what a test needs that Polar has no
/// endpoint for (reset, state export and import, narrower tokens, the rate limit, the log of emitted webhooks).
/// Users' test suites call it, so its routes and fields are a stable contract (docs/billing/testing-guide.md).
/// </summary>
internal static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/emulator");
        control.MapPost("/reset", Reset);
        control.MapGet("/state", ExportState);
        control.MapPut("/state", ImportStateAsync);
        control.MapPost("/access-tokens", CreateAccessTokenAsync);
        control.MapPut("/rate-limit", SetRateLimitAsync);
        control.MapGet("/webhooks/emitted", ListEmitted);
        app.MapSubscriptionsControlApi();
        app.MapCheckoutControlApi();
        Triggers.TriggerApi.MapTriggerApi(app);
        app.MapFaultsControlApi();
        app.MapClockControlApi();
        return app;
    }

    /// <summary><c>POST /emulator/reset</c>: forget every object, event, endpoint, delivery and fault rule → 204.</summary>
    private static IResult Reset(EmulatorState state, RateLimiter rateLimiter, FaultRegistry faults)
    {
        lock (state.Gate)
        {
            state.Reset();
            state.Tokens.RemoveAllBut(state.AccessToken);
        }

        rateLimiter.Clear();
        faults.Clear();
        return Results.NoContent();
    }

    /// <summary><c>GET /emulator/state</c>: the whole state as JSON, for <c>PUT /emulator/state</c> later.</summary>
    private static IResult ExportState(EmulatorState state)
    {
        lock (state.Gate)
        {
            return Results.Bytes(state.Export(), "application/json");
        }
    }

    /// <summary><c>PUT /emulator/state</c>: replace the state with an export → 204, or 400 leaving the state as it was.</summary>
    private static async Task<IResult> ImportStateAsync(HttpContext context, EmulatorState state)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            lock (state.Gate)
            {
                state.Import(document.RootElement);
            }
        }
        catch (JsonException ex)
        {
            throw ControlBody.Invalid($"Not an emulator state export: {ex.Message}");
        }

        return Results.NoContent();
    }

    /// <summary><c>POST /emulator/access-tokens</c> <c>{"scopes": ["products:read"]}</c> → 201 <c>{"token", "scopes"}</c>: a token limited to those scopes.</summary>
    private static async Task<IResult> CreateAccessTokenAsync(HttpContext context, EmulatorState state)
    {
        var body = await ControlBody.ReadAsync(context);
        var scopes = body["scopes"] is null ? AccessTokens.AllScopes : body.StringList("scopes").ToHashSet(StringComparer.Ordinal);
        var unknown = scopes.Where(s => !AccessTokens.AllScopes.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            throw ControlBody.Invalid($"Unknown scope(s): {string.Join(", ", unknown)}. Polar's scopes look like 'products:read' or 'subscriptions:write'.");
        }

        var token = PolarTokens.Generate(PolarTokens.OrganizationAccessToken);
        state.Tokens.Add(token, scopes);
        return ControlBody.Json(new JsonObject { ["token"] = token, ["scopes"] = new JsonArray([.. scopes.Order(StringComparer.Ordinal).Select(s => (JsonNode)s!)]) }, 201);
    }

    /// <summary><c>PUT /emulator/rate-limit</c> <c>{"requests_per_minute": 100}</c> (0 = off) → 200 with the setting.</summary>
    private static async Task<IResult> SetRateLimitAsync(HttpContext context, RateLimiter rateLimiter)
    {
        var body = await ControlBody.ReadAsync(context);
        var perMinute = body.OptionalLong("requests_per_minute") ?? throw ControlBody.Invalid("'requests_per_minute' is required (0 turns the limit off).");
        if (perMinute is < 0 or > int.MaxValue)
        {
            throw ControlBody.Invalid("'requests_per_minute' must be 0 or a positive integer.");
        }

        rateLimiter.PerMinute = (int)perMinute;
        rateLimiter.Clear();
        return ControlBody.Json(new JsonObject { ["requests_per_minute"] = perMinute });
    }

    /// <summary><c>GET /emulator/webhooks/emitted</c>: every webhook event emitted since the last reset, oldest first, with its exact payload.</summary>
    private static IResult ListEmitted(EmulatorState state)
    {
        var items = new JsonArray();
        lock (state.Gate)
        {
            foreach (var emitted in state.Webhooks.Emitted)
            {
                items.Add(new JsonObject
                {
                    ["sequence"] = emitted.Sequence,
                    ["type"] = emitted.Type,
                    ["timestamp"] = emitted.Timestamp,
                    ["payload"] = emitted.Payload,
                });
            }
        }

        return ControlBody.Json(new JsonObject { ["items"] = items });
    }
}
