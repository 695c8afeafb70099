using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Client;
using PolarBilling.Entitlements;
using PolarBilling.Projection;
using PolarBilling.Reconciliation;

namespace PolarBilling.AspNetCore.Projection;

/// <summary>
/// Writes what Polar just answered into the local store at once, through the same projector the webhooks use (so the
/// later webhook is a no-op or newer), and drops the user's cached entitlements: the user sees the change on the
/// next request instead of after the webhook.
/// </summary>
internal sealed class ImmediateProjection(BillingProjector projector, IServiceProvider services)
{
    public Task CustomerAsync(Customer customer, CancellationToken cancellationToken) =>
        ApplyAsync(customer.Id, (store, ct) => projector.ApplyCustomerAsync(customer, store, ct), cancellationToken);

    public Task SubscriptionAsync(Subscription subscription, CancellationToken cancellationToken) =>
        ApplyAsync(subscription.CustomerId, (store, ct) => projector.ApplySubscriptionAsync(subscription, store, ct), cancellationToken);

    public Task OrderAsync(Order order, CancellationToken cancellationToken) =>
        ApplyAsync(order.CustomerId, (store, ct) => projector.ApplyOrderAsync(order, store, ct), cancellationToken);

    private async Task ApplyAsync(string customerId, Func<IBillingUnitOfWork, CancellationToken, Task<ProjectionOutcome>> apply, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IBillingUnitOfWorkFactory>();
        await using (var unit = await factory.BeginAsync(cancellationToken))
        {
            await apply(unit, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        services.GetService<IEntitlements>()?.Invalidate([customerId]);
    }
}
