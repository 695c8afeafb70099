namespace PolarBilling.Notifications;

/// <summary>
/// An app notification (table <c>billing_notifications</c>, the outbox). It is recorded in the same transaction as
/// the projection of the event that caused it and delivered to every <see cref="IBillingNotificationHandler"/>.
/// </summary>
public sealed class BillingNotification
{
    /// <summary>
    /// The idempotency key (primary key): the same for every recording of the same fact, e.g.
    /// <c>payment_succeeded:{order id}</c> or <c>subscription_canceled:{subscription id}:{webhook id}</c>.
    /// Handlers that act outside the database should remember the keys they have acted on.
    /// </summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>What happened.</summary>
    public BillingNotificationKind Kind { get; set; }

    /// <summary>The <c>webhook-id</c> of the event that caused it (or <c>reconciliation</c>).</summary>
    public string SourceEventId { get; set; } = string.Empty;

    /// <summary>The Polar customer id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The app's user id (Polar <c>external_id</c>), when known at the time.</summary>
    public string? UserId { get; set; }

    /// <summary>The Polar id of the object concerned: a subscription, order, refund or benefit grant id.</summary>
    public string SubjectId { get; set; } = string.Empty;

    /// <summary>The product concerned (the new one for <see cref="BillingNotificationKind.PlanChanged"/>).</summary>
    public string? ProductId { get; set; }

    /// <summary>The previous product, for <see cref="BillingNotificationKind.PlanChanged"/>.</summary>
    public string? PreviousProductId { get; set; }

    /// <summary>The amount in minor units, for payments and refunds.</summary>
    public long? Amount { get; set; }

    /// <summary>Lowercase ISO currency of <see cref="Amount"/>.</summary>
    public string? Currency { get; set; }

    /// <summary>The meter, for <see cref="BillingNotificationKind.UsageThresholdReached"/>.</summary>
    public string? Meter { get; set; }

    /// <summary>The threshold in percent of the included units, for <see cref="BillingNotificationKind.UsageThresholdReached"/>.</summary>
    public int? Threshold { get; set; }

    /// <summary>Units used when a usage threshold was reached.</summary>
    public long? Quantity { get; set; }

    /// <summary>Units included in the period, for <see cref="BillingNotificationKind.UsageThresholdReached"/>.</summary>
    public long? Included { get; set; }

    /// <summary>When it happened in Polar (the object's <c>modified_at</c>, else the envelope timestamp).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Delivery state.</summary>
    public BillingNotificationStatus Status { get; set; }

    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The last handler error, if any.</summary>
    public string? LastError { get; set; }

    /// <summary>Not delivered before this time (backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was delivered.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
}
