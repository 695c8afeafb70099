namespace PolarBilling.Emulator.Faults;

/// <summary>What a fault rule acts on.</summary>
internal enum FaultTarget
{
    /// <summary>Requests to Polar's API (<c>/v1/…</c>), matched by route.</summary>
    Api,

    /// <summary>Webhook deliveries, matched by event type.</summary>
    Webhooks,
}
