using Microsoft.EntityFrameworkCore;
using PolarBilling.Notifications;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>The projector's unit of work over a context: Find sees rows added in the same unit; the caller saves.</summary>
internal sealed class EfBillingProjectionStore(DbContext context) : IBillingProjectionStore
{
    public ValueTask<BillingCustomer?> FindCustomerAsync(string id, CancellationToken cancellationToken) =>
        context.Set<BillingCustomer>().FindAsync([id], cancellationToken);

    public ValueTask<BillingSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        context.Set<BillingSubscription>().FindAsync([id], cancellationToken);

    public ValueTask<BillingOrder?> FindOrderAsync(string id, CancellationToken cancellationToken) =>
        context.Set<BillingOrder>().FindAsync([id], cancellationToken);

    public ValueTask<BillingBenefitGrant?> FindBenefitGrantAsync(string id, CancellationToken cancellationToken) =>
        context.Set<BillingBenefitGrant>().FindAsync([id], cancellationToken);

    public void Add(BillingRow row) => context.Add((object)row);

    public async ValueTask<bool> RecordNotificationAsync(BillingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var existing = await context.Set<BillingNotification>().FindAsync([notification.Key], cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return false;
        }

        context.Add(notification);
        return true;
    }
}
