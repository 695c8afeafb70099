using System.Security.Claims;
using PolarBilling.AspNetCore.Projection;
using PolarBilling.Client;
using PolarBilling.Store;

namespace PolarBilling.AspNetCore.Identity;

/// <summary>Get-or-create by <c>external_id</c> on Polar, then project the customer.</summary>
internal sealed class BillingCustomers(PolarClient polar, IBillingUserResolver users, IBillingReadStore store, ImmediateProjection projection) : IBillingCustomers
{
    public Task<BillingCustomer> EnsureCustomerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var user = users.Resolve(principal) ?? throw new InvalidOperationException("The principal carries no user id (NameIdentifier or sub claim), so it cannot be a Polar customer.");
        return EnsureCustomerAsync(user.Id, user.Email, user.Name, cancellationToken);
    }

    public async Task<BillingCustomer> EnsureCustomerAsync(string userId, string? email, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Customer customer;
        try
        {
            customer = await polar.Customers.GetByExternalIdAsync(userId, cancellationToken: cancellationToken);
        }
        catch (PolarNotFoundException)
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                throw new InvalidOperationException("The user has no email claim: Polar needs an email to create a customer.");
            }

            customer = await polar.Customers.GetOrCreateByExternalIdAsync(
                new CustomerIndividualCreate { ExternalId = userId, Email = email, Name = name }, cancellationToken: cancellationToken);
        }

        await projection.CustomerAsync(customer, cancellationToken);
        return await store.FindCustomerByUserIdAsync(userId, cancellationToken)
            ?? throw new InvalidOperationException($"Customer {customer.Id} was projected but is not linked to the user: is it deleted on Polar?");
    }
}
