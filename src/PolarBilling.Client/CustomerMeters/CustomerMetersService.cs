using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Per-customer meter balances (consumed units, credited units, balance): <c>/v1/customer-meters/</c>. Read only;
/// every call is retried on transient failures. Needs the <c>customer_meters:read</c> scope.
/// </summary>
public sealed partial class CustomerMetersService
{
    private const string CollectionPath = "v1/customer-meters/";

    internal CustomerMetersService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one customer meter: <c>GET /v1/customer-meters/{id}</c>. Retried (a read).</summary>
    /// <param name="id">The customer meter id (not the meter id nor the customer id).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance, with the customer and the meter embedded.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such customer meter.</exception>
    public Task<CustomerMeter> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<CustomerMeter>($"v1/customer-meters/{Uri.EscapeDataString(id)}", query: null, requestOptions, cancellationToken);
    }

    /// <summary>Reads one page of customer meters: <c>GET /v1/customer-meters/</c>. Retried (a read).</summary>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 at Polar's default limit (10).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">A page or limit below 1.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<CustomerMeter>> ListAsync(
        CustomerMeterListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<CustomerMeter>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>Reads every matching customer meter, page after page from <see cref="ListOptions.Page"/> (default 1). Retried per page.</summary>
    /// <param name="options">Filters and page size; <see langword="null"/> lists all.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customer meters, lazily.</returns>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<CustomerMeter> ListAutoPagingAsync(
        CustomerMeterListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<CustomerMeter>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>
    /// The balance of one meter for one of your users (by external customer id), or <see langword="null"/> when Polar
    /// has no balance for them yet (no usage and no credits on that meter). One list call, retried.
    /// </summary>
    /// <param name="externalCustomerId">Your user id, as set in the customer's <c>external_id</c>.</param>
    /// <param name="meterId">The meter id.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer meter, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">An id is null, empty or white space.</exception>
    public async Task<CustomerMeter?> FindForExternalCustomerAsync(
        string externalCustomerId, string meterId, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalCustomerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(meterId);
        var options = new CustomerMeterListOptions { ExternalCustomerId = [externalCustomerId], MeterId = [meterId], Limit = 1 };
        var page = await ListAsync(options, requestOptions, cancellationToken).ConfigureAwait(false);
        return page.Items.FirstOrDefault();
    }
}
