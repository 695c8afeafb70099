namespace PolarBilling.Reconciliation;

/// <summary>Opens units of work on the billing store.</summary>
public interface IBillingUnitOfWorkFactory
{
    /// <summary>Begins a unit of work (a transaction).</summary>
    Task<IBillingUnitOfWork> BeginAsync(CancellationToken cancellationToken);
}
