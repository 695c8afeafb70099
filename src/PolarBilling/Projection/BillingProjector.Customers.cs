using PolarBilling.Client;
using PolarBilling.Store;

namespace PolarBilling.Projection;

public sealed partial class BillingProjector
{
    private static async Task<ProjectionOutcome> UpsertCustomerAsync(CustomerSnapshot snapshot, ProjectionScope scope)
    {
        var version = scope.VersionOf(snapshot.ModifiedAt, snapshot.CreatedAt);
        var row = await scope.Store.FindCustomerAsync(snapshot.Id, scope.CancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new BillingCustomer { Id = snapshot.Id };
            scope.Store.Add(row);
        }
        else if (!version.Supersedes(row))
        {
            // Older data still links a user Polar never unlinks: external_id cannot change once set.
            if (row.UserId is null && snapshot.ExternalId is not null)
            {
                row.UserId = snapshot.ExternalId;
                row.RowVersion++;
            }

            return ProjectionOutcome.Stale;
        }

        row.UserId = snapshot.ExternalId ?? row.UserId;
        row.Email = snapshot.Email;
        row.Name = snapshot.Name;
        row.DeletedAt = snapshot.DeletedAt;
        version.StampOnto(row, scope.Now);
        return ProjectionOutcome.Applied;
    }

    /// <summary>The customer row for a related object, created as a placeholder (no version) when missing.</summary>
    private static async Task<BillingCustomer> EnsureCustomerAsync(string customerId, ProjectionScope scope)
    {
        var row = await scope.Store.FindCustomerAsync(customerId, scope.CancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new BillingCustomer { Id = customerId, UpdatedAt = scope.Now };
            scope.Store.Add(row);
        }

        return row;
    }

    private static async Task<BillingCustomer> UpsertEmbeddedCustomerAsync(CustomerSnapshot? snapshot, string customerId, ProjectionScope scope)
    {
        if (snapshot is not null && string.Equals(snapshot.Id, customerId, StringComparison.Ordinal))
        {
            await UpsertCustomerAsync(snapshot, scope).ConfigureAwait(false);
        }

        return await EnsureCustomerAsync(customerId, scope).ConfigureAwait(false);
    }

    private static async Task<ProjectionOutcome> ApplyCheckoutAsync(Checkout checkout, ProjectionScope scope)
    {
        // Only a succeeded checkout says who bought; its customer row links the user before the subscription arrives.
        if (checkout.Status != CheckoutStatus.Succeeded || checkout.CustomerId is not { Length: > 0 } customerId)
        {
            return ProjectionOutcome.NotProjected;
        }

        var customer = await EnsureCustomerAsync(customerId, scope).ConfigureAwait(false);
        var changed = customer.UserId is null && checkout.ExternalCustomerId is not null
            || customer.Email is null && checkout.CustomerEmail is not null;
        customer.UserId ??= checkout.ExternalCustomerId;
        customer.Email ??= checkout.CustomerEmail;
        if (changed)
        {
            customer.UpdatedAt = scope.Now;
            customer.RowVersion++;
        }

        return changed ? ProjectionOutcome.Applied : ProjectionOutcome.Stale;
    }
}
