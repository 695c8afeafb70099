namespace PolarBilling.Client;

// "Make sure my user is a Polar customer": the call an app makes before its first checkout or portal session.
public sealed partial class CustomersService
{
    /// <summary>
    /// Returns the customer whose external id is <paramref name="body"/>'s <c>ExternalId</c>, creating it from
    /// <paramref name="body"/> if there is none. Safe to call concurrently for the same user: when a parallel call
    /// creates the customer first (Polar answers 422 on <c>body.external_id</c>), the existing customer is read and returned.
    /// An existing customer is returned as it is; <paramref name="body"/>'s other fields are not applied to it.
    /// </summary>
    /// <param name="body">The customer to create if missing; <c>ExternalId</c> is required.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The existing or new customer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="body"/> has no <c>ExternalId</c>.</exception>
    /// <exception cref="PolarValidationException">
    /// 422 other than a taken external id, e.g. the email belongs to another customer (<c>body.email</c>): link or rename
    /// that customer yourself.
    /// </exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public async Task<Customer> GetOrCreateByExternalIdAsync(
        CustomerCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.ExternalId))
        {
            throw new ArgumentException("ExternalId is required: it is how the existing customer is found.", nameof(body));
        }

        try
        {
            return await GetByExternalIdAsync(body.ExternalId, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (PolarNotFoundException)
        {
            // Not there yet: create it below.
        }

        try
        {
            return await CreateAsync(body, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (PolarValidationException ex) when (ex.Errors.Any(e => e.Path == "body.external_id"))
        {
            return await GetByExternalIdAsync(body.ExternalId, requestOptions, cancellationToken).ConfigureAwait(false);
        }
    }
}
