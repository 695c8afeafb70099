using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PolarBilling.Entitlements;
using PolarBilling.Notifications;
using PolarBilling.Reconciliation;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>A context and its transaction as one unit of work (reconciliation's writes).</summary>
/// <remarks>The commit reports the customers it changed to <paramref name="changeNotifier"/> (and other instances on PostgreSQL).</remarks>
internal sealed class EfBillingUnitOfWork(DbContext context, IDbContextTransaction transaction, IBillingChangeNotifier? changeNotifier = null) : IBillingUnitOfWork
{
    private readonly EfBillingProjectionStore _store = new(context);

    public ValueTask<BillingCustomer?> FindCustomerAsync(string id, CancellationToken cancellationToken) => _store.FindCustomerAsync(id, cancellationToken);

    public ValueTask<BillingSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken) => _store.FindSubscriptionAsync(id, cancellationToken);

    public ValueTask<BillingOrder?> FindOrderAsync(string id, CancellationToken cancellationToken) => _store.FindOrderAsync(id, cancellationToken);

    public ValueTask<BillingBenefitGrant?> FindBenefitGrantAsync(string id, CancellationToken cancellationToken) => _store.FindBenefitGrantAsync(id, cancellationToken);

    public void Add(BillingRow row) => _store.Add(row);

    public ValueTask<bool> RecordNotificationAsync(BillingNotification notification, CancellationToken cancellationToken) =>
        _store.RecordNotificationAsync(notification, cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var changes = CustomerChanges.Collect(context);
        await changes.NotifyOtherInstancesAsync(context, cancellationToken).ConfigureAwait(false);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        changes.Publish(changeNotifier);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await context.DisposeAsync().ConfigureAwait(false);
    }
}
