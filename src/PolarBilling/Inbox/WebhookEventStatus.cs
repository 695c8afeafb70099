namespace PolarBilling.Inbox;

/// <summary>Where a received webhook is in the inbox. Stored as its number.</summary>
public enum WebhookEventStatus
{
    /// <summary>Stored, waiting for (another attempt at) projection.</summary>
    Pending = 0,

    /// <summary>Projected; its notifications are in the outbox.</summary>
    Processed = 1,

    /// <summary>A type this version does not project (unknown or stateless): stored and acknowledged, nothing to do.</summary>
    Ignored = 2,

    /// <summary>Failed <see cref="WebhookInboxEntry.Attempts"/> times or cannot be parsed; <see cref="WebhookInboxEntry.LastError"/> says why. Replayable.</summary>
    DeadLettered = 3,
}
