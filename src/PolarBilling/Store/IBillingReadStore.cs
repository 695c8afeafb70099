namespace PolarBilling.Store;

/// <summary>The lookups an app does on the projection (entitlements, account pages).</summary>
public interface IBillingReadStore
{
    /// <summary>The customer linked to an app user (Polar <c>external_id</c>), ignoring deleted customers.</summary>
    Task<BillingCustomer?> FindCustomerByUserIdAsync(string userId, CancellationToken cancellationToken);

    /// <summary>A customer's subscriptions, newest first, optionally only those in one of <paramref name="statuses"/>.</summary>
    Task<IReadOnlyList<BillingSubscription>> ListSubscriptionsAsync(string customerId, IReadOnlyCollection<string>? statuses, CancellationToken cancellationToken);

    /// <summary>A customer's orders (payment history), newest first.</summary>
    Task<IReadOnlyList<BillingOrder>> ListOrdersAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>A customer's benefit grants that are granted now.</summary>
    Task<IReadOnlyList<BillingBenefitGrant>> ListGrantedBenefitsAsync(string customerId, CancellationToken cancellationToken);
}
