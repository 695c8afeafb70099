namespace PolarBilling.Store;

/// <summary>
/// What every projected Polar object row has: its Polar id and the version of the data it holds, so that older
/// data arriving later (a duplicate or an out-of-order webhook) is recognised and ignored.
/// </summary>
public abstract class BillingRow
{
    /// <summary>The Polar id of the object (primary key).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The object's Polar <c>modified_at</c>, else its <c>created_at</c>, of the data this row holds;
    /// <see langword="null"/> for a placeholder row created because a related object arrived first.
    /// </summary>
    public DateTimeOffset? PolarModifiedAt { get; set; }

    /// <summary>The webhook envelope <c>timestamp</c> of the data this row holds; the tie-breaker after <see cref="PolarModifiedAt"/>. <see langword="null"/> when the data came from the API (reconciliation).</summary>
    public DateTimeOffset? EventTimestamp { get; set; }

    /// <summary>When this row was last written, by the app's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: incremented on every write so two writers never overwrite each other.</summary>
    public int RowVersion { get; set; }
}
