using System.Text.Json.Nodes;
using PolarBilling.Emulator.Control;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// <c>POST /emulator/trigger</c> <c>{"event": "subscription.past_due", "subscription_id": "…"}</c>: performs the real
/// state change behind a lifecycle moment through the engines, so every webhook that change implies is emitted (never a
/// lone payload). → 200 <c>{"event", "webhooks": [types emitted, in order], "object": the changed object as the API
/// returns it}</c>. 400 <c>InvalidControlRequest</c> for an unknown event (listing the supported ones) or a missing id
/// (naming it); 404 for an id that names nothing; Polar's own refusal when the moment cannot happen now (e.g. 403
/// <c>AlreadyCanceledSubscription</c>), 409 <c>TriggerNotApplicable</c> where Polar has none.
/// </summary>
internal static class TriggerApi
{
    public static IEndpointRouteBuilder MapTriggerApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/emulator/trigger", TriggerAsync);
        return app;
    }

    private static async Task<IResult> TriggerAsync(HttpContext context, EmulatorState state)
    {
        var body = await ControlBody.ReadAsync(context);
        var eventType = body.OptionalString("event")
            ?? throw ControlBody.Invalid($"'event' is required: the webhook event type to cause, one of {TriggerCatalog.Supported}.");
        var trigger = TriggerCatalog.Find(eventType)
            ?? throw ControlBody.Invalid($"Unknown event '{eventType}'. Supported: {TriggerCatalog.Supported}.");
        var missing = trigger.Required.Where(name => body[name] is null).ToList();
        if (missing.Count > 0)
        {
            throw ControlBody.Invalid($"{eventType} needs {string.Join(" and ", missing.Select(name => $"'{name}'"))}.");
        }

        var request = new TriggerRequest(eventType, body);
        lock (state.Gate)
        {
            var before = state.Webhooks.Emitted.Count;
            var changed = trigger.Run(state, request);
            var emitted = new JsonArray([.. state.Webhooks.Emitted.Skip(before).Select(e => (JsonNode)e.Type!)]);
            return ControlBody.Json(new JsonObject { ["event"] = eventType, ["webhooks"] = emitted, ["object"] = changed });
        }
    }
}
