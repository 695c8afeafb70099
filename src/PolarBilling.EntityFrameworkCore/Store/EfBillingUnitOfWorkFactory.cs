using Microsoft.EntityFrameworkCore;
using PolarBilling.Entitlements;
using PolarBilling.Reconciliation;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Opens <see cref="EfBillingUnitOfWork"/>s on <typeparamref name="TContext"/>.</summary>
internal sealed class EfBillingUnitOfWorkFactory<TContext>(IDbContextFactory<TContext> factory, IBillingChangeNotifier? changeNotifier = null) : IBillingUnitOfWorkFactory
    where TContext : DbContext
{
    public async Task<IBillingUnitOfWork> BeginAsync(CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new EfBillingUnitOfWork(context, transaction, changeNotifier);
        }
        catch
        {
            await context.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
