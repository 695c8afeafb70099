namespace PolarBilling.Reconciliation;

/// <summary>What a reconciliation read from Polar and what it repaired.</summary>
public sealed class ReconciliationReport
{
    /// <summary>Customers read from Polar.</summary>
    public int CustomersRead { get; internal set; }

    /// <summary>Subscriptions read from Polar.</summary>
    public int SubscriptionsRead { get; internal set; }

    /// <summary>Orders read from Polar.</summary>
    public int OrdersRead { get; internal set; }

    /// <summary>Rows written because they were missing or older than Polar's data. Empty when there was no drift.</summary>
    public IList<ReconciliationChange> Changes { get; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"read {CustomersRead} customers, {SubscriptionsRead} subscriptions, {OrdersRead} orders; repaired {Changes.Count} rows";
}
