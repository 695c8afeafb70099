using System.Text.Json.Nodes;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// One lifecycle moment <c>POST /emulator/trigger</c> can cause: the webhook event type it is named after, the ids the
/// request must carry, and the real state change behind it (run under the state lock through the engines, so every
/// webhook the change implies is emitted). <see cref="Run"/> returns the changed object as the API returns it.
/// </summary>
/// <param name="Event">The webhook event type, e.g. <c>subscription.past_due</c>.</param>
/// <param name="Required">The id fields the body must have, e.g. <c>subscription_id</c>.</param>
/// <param name="Run">The change; throws Polar's own refusal when it cannot apply.</param>
internal sealed record Trigger(string Event, IReadOnlyList<string> Required, Func<EmulatorState, TriggerRequest, JsonNode> Run);
