namespace PolarBilling.Usage;

/// <summary>
/// Usage of one meter by one user in one window of time (table <c>billing_usage_windows</c>). A window lies inside
/// one billing period and becomes one Polar event with a deterministic <see cref="ExternalId"/>, so a resend is
/// de-duplicated by Polar and never billed twice.
/// </summary>
public sealed class UsageWindow
{
    /// <summary>Database id.</summary>
    public long Id { get; set; }

    /// <summary>The app's user id (Polar <c>external_customer_id</c>).</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The meter key, e.g. <c>api_calls</c>.</summary>
    public string Meter { get; set; } = string.Empty;

    /// <summary>Start of the window (inclusive); also the Polar event's timestamp.</summary>
    public DateTimeOffset WindowStart { get; set; }

    /// <summary>End of the window (exclusive); never after <see cref="PeriodEnd"/>.</summary>
    public DateTimeOffset WindowEnd { get; set; }

    /// <summary>
    /// 0 for the window's first row; a write that arrives after the row was sealed goes into part 1, 2, … so a sent
    /// quantity never changes.
    /// </summary>
    public int Part { get; set; }

    /// <summary>Start of the billing period the usage counts toward (the subscription's period, else the calendar month, UTC).</summary>
    public DateTimeOffset PeriodStart { get; set; }

    /// <summary>End of that billing period.</summary>
    public DateTimeOffset PeriodEnd { get; set; }

    /// <summary>Units recorded.</summary>
    public long Quantity { get; set; }

    /// <summary>Sync state.</summary>
    public UsageWindowStatus Status { get; set; }

    /// <summary>The Polar event's <c>external_id</c>, derived from user, meter, window start and part.</summary>
    public string ExternalId { get; set; } = string.Empty;

    /// <summary>Failed sends so far.</summary>
    public int SyncAttempts { get; set; }

    /// <summary>The last send error, if any.</summary>
    public string? LastError { get; set; }

    /// <summary>When the window was sealed.</summary>
    public DateTimeOffset? SealedAt { get; set; }

    /// <summary>When Polar acknowledged it.</summary>
    public DateTimeOffset? SyncedAt { get; set; }

    /// <summary>Last write.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
