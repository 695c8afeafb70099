using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Emulator.Control;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Clock;

/// <summary>
/// The test clock's control routes (stable, see docs/billing/testing-guide.md):
/// <c>GET /emulator/clock</c> → <c>{"now", "mode", "advanced_seconds", "next_due"}</c>;
/// <c>POST /emulator/clock/advance</c> with <c>{"seconds": N}</c> or <c>{"to": "ISO-8601 instant"}</c> → 200
/// <c>{"from", "now", "actions": [{"at", "kind", "object_id", "outcome"}], "webhooks_queued"}</c> once everything that
/// time causes has run and its webhooks are queued. Time never goes back: 400 for a negative or past target.
/// </summary>
internal static class ClockControlApi
{
    public static IEndpointRouteBuilder MapClockControlApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/emulator/clock", Get);
        app.MapPost("/emulator/clock/advance", AdvanceAsync);
        return app;
    }

    private static IResult Get(EmulatorState state)
    {
        lock (state.Gate)
        {
            var next = TestClock.Peek(state);
            return ControlBody.Json(new JsonObject
            {
                ["now"] = Instant(state.Now),
                ["mode"] = state.Options.TimeProvider is null && state.Options.ClockMode == EmulatorClockMode.Running ? "running" : "frozen",
                ["advanced_seconds"] = state.Clock.Offset.TotalSeconds,
                ["next_due"] = next is null ? null : new JsonObject { ["at"] = Instant(next.At), ["kind"] = next.Kind, ["object_id"] = next.ObjectId },
            });
        }
    }

    private static async Task<IResult> AdvanceAsync(HttpContext context, EmulatorState state)
    {
        var body = await ControlBody.ReadAsync(context);
        var seconds = Seconds(body);
        var to = To(body);
        if (seconds is null == to is null)
        {
            throw ControlBody.Invalid("Give exactly one of 'seconds' (a number of seconds, e.g. 2592000 for 30 days) or 'to' (an ISO-8601 instant with an offset, e.g. \"2026-12-02T09:00:00Z\").");
        }

        lock (state.Gate)
        {
            var target = to ?? state.Now + TimeSpan.FromSeconds(seconds!.Value);
            if (target < state.Now)
            {
                throw ControlBody.Invalid($"'to' ({Instant(target)}) is before the emulator's time ({Instant(state.Now)}); the clock only moves forward.");
            }

            return ControlBody.Json(ToJson(TestClock.AdvanceTo(state, target)));
        }
    }

    private static double? Seconds(JsonObject body)
    {
        if (body["seconds"] is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<double>(out var value) || double.IsNaN(value))
        {
            throw ControlBody.Invalid("'seconds' must be a number.");
        }

        // TimeSpan.FromSeconds overflows past ~29,000 years; a century is more than any test needs.
        if (value is < 0 or > 100 * 366 * 86_400d)
        {
            throw ControlBody.Invalid("'seconds' must be between 0 and 3162240000 (a century); the clock only moves forward.");
        }

        return value;
    }

    private static DateTimeOffset? To(JsonObject body)
    {
        if (body["to"] is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String
            || !DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to)
            || !HasOffset(node.GetValue<string>()))
        {
            throw ControlBody.Invalid("'to' must be an ISO-8601 instant with an offset or Z, e.g. \"2026-12-02T09:00:00Z\".");
        }

        return to.ToUniversalTime();
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    internal static JsonObject ToJson(EmulatorClockAdvance advance)
    {
        var actions = new JsonArray();
        foreach (var action in advance.Actions)
        {
            actions.Add(new JsonObject
            {
                ["at"] = Instant(action.At),
                ["kind"] = action.Kind,
                ["object_id"] = action.ObjectId,
                ["outcome"] = action.Outcome,
            });
        }

        return new JsonObject
        {
            ["from"] = Instant(advance.From),
            ["now"] = Instant(advance.Now),
            ["actions"] = actions,
            ["webhooks_queued"] = advance.WebhooksQueued,
        };
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
