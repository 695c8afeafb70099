using PolarBilling.Notifications;
using PolarBilling.Store;

namespace PolarBilling.Tests.Support;

/// <summary>A dictionary-backed projection store for fast projector tests; writes are immediate (no rollback).</summary>
public sealed class InMemoryBillingStore : IBillingProjectionStore
{
    public Dictionary<string, BillingCustomer> Customers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BillingSubscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BillingOrder> Orders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BillingBenefitGrant> Grants { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BillingNotification> Notifications { get; } = new(StringComparer.Ordinal);

    public ValueTask<BillingCustomer?> FindCustomerAsync(string id, CancellationToken cancellationToken) => new(Customers.GetValueOrDefault(id));

    public ValueTask<BillingSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken) => new(Subscriptions.GetValueOrDefault(id));

    public ValueTask<BillingOrder?> FindOrderAsync(string id, CancellationToken cancellationToken) => new(Orders.GetValueOrDefault(id));

    public ValueTask<BillingBenefitGrant?> FindBenefitGrantAsync(string id, CancellationToken cancellationToken) => new(Grants.GetValueOrDefault(id));

    public void Add(BillingRow row)
    {
        switch (row)
        {
            case BillingCustomer c: Customers.Add(c.Id, c); break;
            case BillingSubscription s: Subscriptions.Add(s.Id, s); break;
            case BillingOrder o: Orders.Add(o.Id, o); break;
            case BillingBenefitGrant g: Grants.Add(g.Id, g); break;
            default: throw new ArgumentException($"Unknown row {row.GetType()}", nameof(row));
        }
    }

    public ValueTask<bool> RecordNotificationAsync(BillingNotification notification, CancellationToken cancellationToken) =>
        new(Notifications.TryAdd(notification.Key, notification));
}
