namespace PolarBilling.Entitlements;

/// <summary>
/// Tells every <see cref="IBillingChangeListener"/> that billing rows changed. The EF Core store calls it after each
/// commit; call it yourself only when billing state changes some other way.
/// </summary>
public interface IBillingChangeNotifier
{
    /// <summary>Rows of these customers were committed.</summary>
    /// <param name="customerIds">Polar customer ids.</param>
    /// <param name="userIds">App user ids of customer rows written, if known.</param>
    void CustomersChanged(IReadOnlyCollection<string> customerIds, IReadOnlyCollection<string>? userIds = null);

    /// <summary>Changes may have been missed: every listener forgets what it derived from the store.</summary>
    void ChangesMissed();
}
