namespace PolarBilling.Emulator;

/// <summary>What advancing the test clock did.</summary>
/// <param name="From">Emulator time before.</param>
/// <param name="Now">Emulator time after.</param>
/// <param name="Actions">Everything that ran, in the order it ran (time order).</param>
/// <param name="WebhooksQueued">How many webhook events those actions emitted; they are queued for delivery.</param>
public sealed record EmulatorClockAdvance(DateTimeOffset From, DateTimeOffset Now, IReadOnlyList<EmulatorClockAction> Actions, int WebhooksQueued);
