namespace PolarBilling.Entitlements;

/// <summary>
/// Told after billing rows were committed (by the webhook dispatcher, a unit of work, reconciliation, or another app
/// instance through PostgreSQL <c>NOTIFY</c>). Register any number as singletons; calls must be quick and not throw.
/// </summary>
public interface IBillingChangeListener
{
    /// <summary>Rows of these Polar customers changed; <paramref name="userIds"/> are the app user ids of changed customer rows.</summary>
    /// <param name="customerIds">Polar customer ids.</param>
    /// <param name="userIds">App user ids (Polar <c>external_id</c>) of customer rows written, possibly empty.</param>
    void OnCustomersChanged(IReadOnlyCollection<string> customerIds, IReadOnlyCollection<string> userIds);

    /// <summary>Changes may have been missed (a change feed reconnected): forget everything derived from the store.</summary>
    void OnChangesMissed();
}
