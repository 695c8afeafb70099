using Microsoft.EntityFrameworkCore;
using PolarBilling.Entitlements;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// The customers whose billing rows a unit of work is about to commit, read from the change tracker (so no projector
/// code has to report them). Collect before <c>SaveChanges</c>, tell other instances inside the transaction, and
/// publish locally after the commit.
/// </summary>
internal sealed class CustomerChanges
{
    private CustomerChanges(HashSet<string> customerIds, HashSet<string> userIds)
    {
        CustomerIds = customerIds;
        UserIds = userIds;
    }

    /// <summary>Polar customer ids of rows added or modified.</summary>
    public IReadOnlyCollection<string> CustomerIds { get; }

    /// <summary>App user ids of customer rows added or modified.</summary>
    public IReadOnlyCollection<string> UserIds { get; }

    /// <summary>Reads the pending changes of <paramref name="context"/>.</summary>
    public static CustomerChanges Collect(DbContext context)
    {
        var customers = new HashSet<string>(StringComparer.Ordinal);
        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var customerId = entry.Entity switch
            {
                BillingCustomer customer => AddUser(users, customer),
                BillingSubscription subscription => subscription.CustomerId,
                BillingOrder order => order.CustomerId,
                BillingBenefitGrant grant => grant.CustomerId,
                _ => null,
            };
            if (!string.IsNullOrEmpty(customerId))
            {
                customers.Add(customerId);
            }
        }

        return new CustomerChanges(customers, users);
    }

    /// <summary>On PostgreSQL, <c>pg_notify</c> in the current transaction: delivered to listeners only if it commits.</summary>
    public async Task NotifyOtherInstancesAsync(DbContext context, CancellationToken cancellationToken)
    {
        if ((CustomerIds.Count == 0 && UserIds.Count == 0) || !context.Database.IsNpgsql())
        {
            return;
        }

        foreach (var payload in BillingChangePayload.Encode(CustomerIds, UserIds))
        {
            await context.Database.ExecuteSqlAsync(
                $"SELECT pg_notify({BillingChangePayload.Channel}, {payload})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tells this instance's listeners (call after the commit).</summary>
    public void Publish(IBillingChangeNotifier? notifier)
    {
        if (notifier is not null && (CustomerIds.Count > 0 || UserIds.Count > 0))
        {
            notifier.CustomersChanged(CustomerIds, UserIds);
        }
    }

    private static string AddUser(HashSet<string> users, BillingCustomer customer)
    {
        if (!string.IsNullOrEmpty(customer.UserId))
        {
            users.Add(customer.UserId);
        }

        return customer.Id;
    }
}
