using PolarBilling.Store;

namespace PolarBilling.Reconciliation;

/// <summary>A projection store that saves everything done through it in one commit.</summary>
public interface IBillingUnitOfWork : IBillingProjectionStore, IAsyncDisposable
{
    /// <summary>Saves every change and commits; without it, disposing discards them.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
