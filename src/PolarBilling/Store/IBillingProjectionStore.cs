using PolarBilling.Notifications;

namespace PolarBilling.Store;

/// <summary>
/// The rows the projector reads and writes within one unit of work. Rows returned by the Find methods are tracked:
/// changes to them, rows added and notifications recorded are saved together by the store's owner, or not at all.
/// </summary>
public interface IBillingProjectionStore
{
    /// <summary>Finds a customer by Polar id, including one added in this unit of work.</summary>
    ValueTask<BillingCustomer?> FindCustomerAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds a subscription by Polar id, including one added in this unit of work.</summary>
    ValueTask<BillingSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds an order by Polar id, including one added in this unit of work.</summary>
    ValueTask<BillingOrder?> FindOrderAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds a benefit grant by Polar id, including one added in this unit of work.</summary>
    ValueTask<BillingBenefitGrant?> FindBenefitGrantAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a new row of any of the four projected kinds.</summary>
    void Add(BillingRow row);

    /// <summary>Records a notification unless one with the same <see cref="BillingNotification.Key"/> exists.</summary>
    /// <returns>Whether it was recorded (<see langword="false"/>: a duplicate, ignored).</returns>
    ValueTask<bool> RecordNotificationAsync(BillingNotification notification, CancellationToken cancellationToken);
}
