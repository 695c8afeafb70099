using System.Security.Claims;
using PolarBilling.Store;

namespace PolarBilling.AspNetCore.Identity;

/// <summary>Makes app users Polar customers (linked by <c>external_id</c>), e.g. at sign-up; checkouts do it on their own.</summary>
public interface IBillingCustomers
{
    /// <summary>
    /// Finds the Polar customer whose <c>external_id</c> is the user's id, or creates it with the user's email and
    /// name; projects it into the local store and returns the row. Idempotent and safe to call concurrently.
    /// </summary>
    /// <param name="principal">The signed-in user, mapped through <see cref="IBillingUserResolver"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="InvalidOperationException">The principal resolves to no user, or the user has no email (Polar requires one to create a customer).</exception>
    /// <exception cref="PolarBilling.Client.PolarException">Polar refused or could not be reached.</exception>
    Task<BillingCustomer> EnsureCustomerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>The same for a user given by id and email (e.g. right after registration, before sign-in).</summary>
    /// <param name="userId">The app's user id.</param>
    /// <param name="email">The user's email; required only when the customer does not exist yet.</param>
    /// <param name="name">Optional display name.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The customer does not exist and <paramref name="email"/> is empty.</exception>
    /// <exception cref="PolarBilling.Client.PolarException">Polar refused or could not be reached.</exception>
    Task<BillingCustomer> EnsureCustomerAsync(string userId, string? email, string? name = null, CancellationToken cancellationToken = default);
}
