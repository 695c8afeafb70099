namespace PolarBilling.Emulator.Webhooks;

/// <summary>An event a reorder fault holds back until later events of its endpoint have been delivered.</summary>
internal sealed class HeldWebhookEvent
{
    public HeldWebhookEvent(OutboundWebhookEvent outbound, int after, DateTimeOffset releaseBy, TimeSpan delay)
    {
        Outbound = outbound;
        Left = after;
        ReleaseBy = releaseBy;
        Delay = delay;
    }

    public OutboundWebhookEvent Outbound { get; }

    /// <summary>Later events of the endpoint still to be delivered (an attempt completed, or dropped) before this one goes.</summary>
    public int Left { get; set; }

    /// <summary>Real time when it goes anyway, for when no later event comes.</summary>
    public DateTimeOffset ReleaseBy { get; }

    /// <summary>A delay fault on the same event, applied once it is released.</summary>
    public TimeSpan Delay { get; }
}
