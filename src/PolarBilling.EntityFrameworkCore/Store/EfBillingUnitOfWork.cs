using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PolarBilling.Notifications;
using PolarBilling.Reconciliation;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>A context and its transaction as one unit of work (reconciliation's writes).</summary>
internal sealed class EfBillingUnitOfWork(DbContext context, IDbContextTransaction transaction) : IBillingUnitOfWork
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
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await context.DisposeAsync().ConfigureAwait(false);
    }
}
