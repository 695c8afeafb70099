using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Customer portal sessions: <c>/v1/customer-sessions/</c>. A session's <see cref="CustomerSession.CustomerPortalUrl"/> signs
/// the customer into Polar's hosted portal (manage subscriptions, payment methods, invoices) for one hour. Creating a
/// session moves no money, so every call here is retried on transient failures.
/// </summary>
public sealed partial class CustomerSessionsService
{
    private const string BasePath = "v1/customer-sessions/";

    internal CustomerSessionsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Creates a portal session for a customer by Polar customer id (<c>POST /v1/customer-sessions/</c>). Retried on transient failures.</summary>
    /// <param name="body">The customer id, and optionally a <c>return_url</c> for the portal's back link and a team member.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session: its <c>polar_cst_…</c> token, expiry and portal URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="body"/> has no customer id.</exception>
    /// <exception cref="PolarValidationException">422: no such customer, or another invalid field.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<CustomerSession> CreateAsync(
        CustomerSessionCustomerIDCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.CustomerId))
        {
            throw new ArgumentException("CustomerId is required: the Polar id of the customer the portal session is for.", nameof(body));
        }

        return Transport.SendAsync<CustomerSessionCustomerIDCreate, CustomerSession>(
            HttpMethod.Post, BasePath, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Creates a portal session for a customer by your external id (<c>POST /v1/customer-sessions/</c>), the usual call when
    /// your user id is the customer's <c>external_id</c>. Retried on transient failures.
    /// </summary>
    /// <param name="body">The external customer id, and optionally a <c>return_url</c> and a team member.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session: its <c>polar_cst_…</c> token, expiry and portal URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="body"/> has no external customer id.</exception>
    /// <exception cref="PolarValidationException">422: no customer has that external id, or another invalid field.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<CustomerSession> CreateAsync(
        CustomerSessionCustomerExternalIDCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.ExternalCustomerId))
        {
            throw new ArgumentException("ExternalCustomerId is required: your id of the customer the portal session is for.", nameof(body));
        }

        return Transport.SendAsync<CustomerSessionCustomerExternalIDCreate, CustomerSession>(
            HttpMethod.Post, BasePath, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>Opens the customer portal for a Polar customer: a session whose portal URL you redirect the customer to.</summary>
    /// <param name="customerId">The Polar customer id.</param>
    /// <param name="returnUrl">Where the portal's back link goes, e.g. your billing page; <see langword="null"/> for no back link.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session; redirect to <see cref="CustomerSession.CustomerPortalUrl"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is null, empty or white space.</exception>
    /// <exception cref="PolarException">The call failed (see <see cref="CreateAsync(CustomerSessionCustomerIDCreate, PolarRequestOptions?, CancellationToken)"/>).</exception>
    public Task<CustomerSession> CreateForCustomerAsync(
        string customerId, string? returnUrl = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        return CreateAsync(new CustomerSessionCustomerIDCreate { CustomerId = customerId, ReturnUrl = returnUrl }, requestOptions, cancellationToken);
    }

    /// <summary>Opens the customer portal for your user: a session for the customer whose <c>external_id</c> is <paramref name="externalCustomerId"/>.</summary>
    /// <param name="externalCustomerId">Your id of the customer (usually your user id).</param>
    /// <param name="returnUrl">Where the portal's back link goes, e.g. your billing page; <see langword="null"/> for no back link.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session; redirect to <see cref="CustomerSession.CustomerPortalUrl"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="externalCustomerId"/> is null, empty or white space.</exception>
    /// <exception cref="PolarException">The call failed (see <see cref="CreateAsync(CustomerSessionCustomerExternalIDCreate, PolarRequestOptions?, CancellationToken)"/>).</exception>
    public Task<CustomerSession> CreateForExternalCustomerAsync(
        string externalCustomerId, string? returnUrl = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalCustomerId);
        return CreateAsync(
            new CustomerSessionCustomerExternalIDCreate { ExternalCustomerId = externalCustomerId, ReturnUrl = returnUrl }, requestOptions, cancellationToken);
    }
}
