using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

// The same operations addressed by your own id (the customer's external_id), which is how an app usually knows its users.
public sealed partial class CustomersService
{
    /// <summary>Reads a customer by your external id (<c>GET /v1/customers/external/{external_id}</c>). Retried on transient failures.</summary>
    /// <param name="externalId">Your id of the customer (usually your user id); any characters, escaped for the path.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer.</returns>
    /// <exception cref="ArgumentException"><paramref name="externalId"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No customer has that external id.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Customer> GetByExternalIdAsync(string externalId, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        return Transport.GetAsync<Customer>(ExternalPathOf(externalId), null, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Changes a customer by your external id (<c>PATCH /v1/customers/external/{external_id}</c>); only fields set on
    /// <paramref name="body"/> are sent (the external id itself and the type cannot be changed this way). Retried on transient failures.
    /// </summary>
    /// <param name="externalId">Your id of the customer.</param>
    /// <param name="body">The fields to change.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated customer.</returns>
    /// <exception cref="ArgumentException"><paramref name="externalId"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">422, e.g. the new email is taken (<c>body.email</c>).</exception>
    /// <exception cref="PolarNotFoundException">No customer has that external id.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Customer> UpdateByExternalIdAsync(
        string externalId, CustomerUpdateExternalID body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<CustomerUpdateExternalID, Customer>(
            HttpMethod.Patch, ExternalPathOf(externalId), body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Deletes a customer by your external id (<c>DELETE /v1/customers/external/{external_id}</c>); see
    /// <see cref="DeleteAsync"/> for what Polar does. Retried on transient failures; a retry after a lost answer gets 404.
    /// </summary>
    /// <param name="externalId">Your id of the customer.</param>
    /// <param name="anonymize"><see langword="true"/> also scrubs personal data; default <see langword="false"/> (no parameter sent).</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Polar answered 204.</returns>
    /// <exception cref="ArgumentException"><paramref name="externalId"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No customer has that external id.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task DeleteByExternalIdAsync(
        string externalId, bool anonymize = false, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        return Transport.SendWithoutResultAsync(
            HttpMethod.Delete, ExternalPathOf(externalId), AnonymizeQuery(anonymize), RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Reads a customer's state by your external id (<c>GET /v1/customers/external/{external_id}/state</c>): active
    /// subscriptions, granted benefits and meter balances. Retried on transient failures.
    /// </summary>
    /// <param name="externalId">Your id of the customer.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer's state.</returns>
    /// <exception cref="ArgumentException"><paramref name="externalId"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No customer has that external id.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<CustomerState> GetStateByExternalIdAsync(
        string externalId, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        return Transport.GetAsync<CustomerState>(ExternalPathOf(externalId) + "/state", null, requestOptions, cancellationToken);
    }

    private static string ExternalPathOf(string externalId) => BasePath + "external/" + Uri.EscapeDataString(externalId);
}
