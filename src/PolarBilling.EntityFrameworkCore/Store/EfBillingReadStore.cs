using Microsoft.EntityFrameworkCore;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>The app's lookups, each on its index (customer by user id; subscriptions by customer and status).</summary>
internal sealed class EfBillingReadStore<TContext>(IDbContextFactory<TContext> factory) : IBillingReadStore
    where TContext : DbContext
{
    public async Task<BillingCustomer?> FindCustomerByUserIdAsync(string userId, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Set<BillingCustomer>().AsNoTracking()
            .Where(c => c.UserId == userId && c.DeletedAt == null)
            .OrderBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BillingSubscription>> ListSubscriptionsAsync(
        string customerId, IReadOnlyCollection<string>? statuses, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = context.Set<BillingSubscription>().AsNoTracking().Where(s => s.CustomerId == customerId);
        if (statuses is { Count: > 0 })
        {
            query = query.Where(s => statuses.Contains(s.Status));
        }

        var rows = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(s => s.StartedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<BillingOrder>> ListOrdersAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await context.Set<BillingOrder>().AsNoTracking().Where(o => o.CustomerId == customerId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(o => o.PolarModifiedAt).ThenBy(o => o.Id, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<BillingBenefitGrant>> ListGrantedBenefitsAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Set<BillingBenefitGrant>().AsNoTracking()
            .Where(g => g.CustomerId == customerId && g.IsGranted)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
