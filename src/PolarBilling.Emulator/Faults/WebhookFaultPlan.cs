namespace PolarBilling.Emulator.Faults;

/// <summary>What the fault rules decided for one event queued for one endpoint.</summary>
/// <param name="Drop">The event is never sent to the endpoint.</param>
/// <param name="Copies">Extra deliveries after the first successful one (same <c>webhook-id</c>).</param>
/// <param name="ReorderAfter">How many later events of the endpoint must be delivered before this one; 0 for none.</param>
/// <param name="MaxHoldMilliseconds">The longest the event waits for them.</param>
/// <param name="DelayMilliseconds">How much later the first attempt goes out.</param>
internal sealed record WebhookFaultPlan(bool Drop, int Copies, int ReorderAfter, int MaxHoldMilliseconds, int DelayMilliseconds);
