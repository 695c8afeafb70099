namespace PolarBilling.Notifications;

/// <summary>Where a notification is in the outbox.</summary>
public enum BillingNotificationStatus
{
    /// <summary>Recorded, waiting for (another attempt at) delivery.</summary>
    Pending = 0,

    /// <summary>Every registered handler returned without an exception.</summary>
    Delivered = 1,

    /// <summary>Handlers kept failing; <see cref="BillingNotification.LastError"/> says why. Replayable.</summary>
    DeadLettered = 2,
}
