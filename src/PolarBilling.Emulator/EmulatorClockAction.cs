namespace PolarBilling.Emulator;

/// <summary>One thing the test clock ran when its moment came.</summary>
/// <param name="At">The emulator time it ran at (its due moment, or the clock's time when it was already overdue).</param>
/// <param name="Kind">
/// What ran: <c>subscription.renewal</c>, <c>subscription.trial_end</c>, <c>subscription.cancellation</c>,
/// <c>subscription.pause</c>, <c>subscription.resume</c>, <c>order.payment_retry</c> or <c>checkout.expiry</c>.
/// </param>
/// <param name="ObjectId">The subscription, order or checkout it ran for.</param>
/// <param name="Outcome">
/// What came of it: the subscription's status afterwards, <c>paid</c> / <c>retry_scheduled</c> / <c>revoked</c> for a
/// payment retry, <c>expired</c> for a checkout, or <c>error: …</c> when Polar's rules refused it.
/// </param>
public sealed record EmulatorClockAction(DateTimeOffset At, string Kind, string ObjectId, string Outcome);
