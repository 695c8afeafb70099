namespace PolarBilling.Emulator.Faults;

/// <summary>What a fault rule does when it fires. The first four act on API requests, the last four on webhook deliveries.</summary>
internal enum FaultAction
{
    /// <summary>API: answer an error status with Polar's error body.</summary>
    Error,

    /// <summary>API: wait before serving the request.</summary>
    Latency,

    /// <summary>API: a burst of 429s with an empty body and <c>Retry-After</c>, as Polar's rate limiter answers.</summary>
    RateLimit,

    /// <summary>API: close the connection without an answer. Webhooks: the event is never sent to the endpoint.</summary>
    Drop,

    /// <summary>Webhooks: the event (same <c>webhook-id</c>) is delivered again after its first successful delivery.</summary>
    Duplicate,

    /// <summary>Webhooks: the event is held back until later events of the same endpoint have been delivered.</summary>
    Reorder,

    /// <summary>Webhooks: the first attempt goes out later; Polar's FIFO guard keeps the endpoint's later events behind it.</summary>
    Delay,
}
