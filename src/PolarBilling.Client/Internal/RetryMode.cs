namespace PolarBilling.Client.Internal;

/// <summary>Whether a call may be repeated after an ambiguous failure. Polar has no idempotency keys.</summary>
internal enum RetryMode
{
    /// <summary>Reads, checkout sessions, customer sessions, ingest with external ids, and other repeatable writes.</summary>
    Safe,

    /// <summary>
    /// Writes that can move money (refunds, orders, plan changes, seat changes): retried only when Polar certainly
    /// did not act on them, i.e. a 429 or a connection that was never made.
    /// </summary>
    MoneyMoving,
}
