using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Customers by Polar id or by your external id, and their state: <c>/v1/customers/</c>. Customers are individuals
/// (<see cref="CustomerIndividual"/>) or teams (<see cref="CustomerTeam"/>); both come back as <see cref="Customer"/>.
/// No call here moves money, so all are retried on transient failures.
/// </summary>
public sealed partial class CustomersService
{
    private const string BasePath = "v1/customers/";

    internal CustomersService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>
    /// Creates a customer (<c>POST /v1/customers/</c>): a <see cref="CustomerIndividualCreate"/> (email required) or a
    /// <see cref="CustomerTeamCreate"/>. Retried on transient failures; a repeat of a create that went through fails with
    /// a 422 on the email or external id, so set <c>external_id</c> and look the customer up when that happens (or use
    /// <see cref="GetOrCreateByExternalIdAsync"/>).
    /// </summary>
    /// <param name="body">The customer to create.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new customer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">
    /// 422, e.g. the email or external id is already taken in the organization (<see cref="PolarValidationError.Path"/>
    /// <c>body.email</c> or <c>body.external_id</c>).
    /// </exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Customer> CreateAsync(CustomerCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<CustomerCreate, Customer>(HttpMethod.Post, BasePath, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>Reads a customer by Polar id (<c>GET /v1/customers/{id}</c>). Retried on transient failures.</summary>
    /// <param name="id">The Polar customer id.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer: a <see cref="CustomerIndividual"/>, a <see cref="CustomerTeam"/> or, for a type this client does not know, an <see cref="UnknownCustomer"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such customer.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Customer> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<Customer>(PathOf(id), null, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Changes a customer by Polar id (<c>PATCH /v1/customers/{id}</c>); only fields set on <paramref name="body"/> are sent.
    /// <c>external_id</c> can be set only while it is empty, and <c>type</c> only from individual to team. Retried on transient failures.
    /// </summary>
    /// <param name="id">The Polar customer id.</param>
    /// <param name="body">The fields to change.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated customer.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">422, e.g. the new email is taken (<c>body.email</c>).</exception>
    /// <exception cref="PolarNotFoundException">No such customer.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Customer> UpdateAsync(
        string id, CustomerUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<CustomerUpdate, Customer>(HttpMethod.Patch, PathOf(id), body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Deletes a customer by Polar id (<c>DELETE /v1/customers/{id}</c>): Polar cancels their active subscriptions, revokes
    /// their benefits and clears their <c>external_id</c>. Retried on transient failures (no money moves); if an attempt
    /// went through but its answer was lost, the retry answers 404.
    /// </summary>
    /// <param name="id">The Polar customer id.</param>
    /// <param name="anonymize">
    /// <see langword="true"/> also scrubs personal data (GDPR erasure: email, name and billing name hashed, the name kept for businesses with a tax id, billing address cleared).
    /// Default <see langword="false"/>, which sends no <c>anonymize</c> parameter.
    /// </param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Polar answered 204.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such customer.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task DeleteAsync(string id, bool anonymize = false, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.SendWithoutResultAsync(HttpMethod.Delete, PathOf(id), AnonymizeQuery(anonymize), RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Reads a customer's state by Polar id (<c>GET /v1/customers/{id}/state</c>): the customer plus their active
    /// (or trialing) subscriptions, granted benefits and meter balances, in one call. Retried on transient failures.
    /// </summary>
    /// <param name="id">The Polar customer id.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state: a <see cref="CustomerStateIndividual"/>, a <see cref="CustomerStateTeam"/> or an <see cref="UnknownCustomerState"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such customer.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<CustomerState> GetStateAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<CustomerState>(PathOf(id) + "/state", null, requestOptions, cancellationToken);
    }

    /// <summary>Reads one page of customers (<c>GET /v1/customers/</c>), newest first by default. Retried on transient failures.</summary>
    /// <param name="options">Filters, page, page size and sorting; <see langword="null"/> reads page 1 with Polar's defaults.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and its pagination counts.</returns>
    /// <exception cref="ArgumentException">The page or limit in <paramref name="options"/> is below 1.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<Customer>> ListAsync(
        CustomerListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Customer>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>Every customer matching <paramref name="options"/>, page after page from <see cref="ListOptions.Page"/> (default 1).</summary>
    /// <param name="options">Filters, first page, page size and sorting; <see langword="null"/> for all customers.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customers, fetched a page at a time as you enumerate.</returns>
    /// <exception cref="ArgumentException">The page or limit in <paramref name="options"/> is below 1.</exception>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<Customer> ListAutoPagingAsync(
        CustomerListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Customer>(BasePath, options, requestOptions, cancellationToken);

    private static string PathOf(string id) => BasePath + Uri.EscapeDataString(id);

    private static PolarQuery? AnonymizeQuery(bool anonymize) => anonymize ? new PolarQuery().Add("anonymize", true) : null;
}
