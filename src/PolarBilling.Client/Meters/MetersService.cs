using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Usage meters and their quantities: <c>/v1/meters/</c>. A meter turns ingested events into a billable quantity: a
/// filter picks the events, an aggregation (count, sum, max, min, avg, unique) measures them. Meter management charges
/// no one, so every call here is retried on transient failures (<c>Safe</c>).
/// </summary>
public sealed partial class MetersService
{
    private const string CollectionPath = "v1/meters/";

    internal MetersService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one meter: <c>GET /v1/meters/{id}</c>. Retried (a read).</summary>
    /// <param name="id">The meter id (a UUID).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meter with its filter and aggregation.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such meter.</exception>
    public Task<Meter> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<Meter>(ItemPath(id), query: null, requestOptions, cancellationToken);
    }

    /// <summary>Reads one page of meters: <c>GET /v1/meters/</c>. Retried (a read).</summary>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 at Polar's default limit (10).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">A page or limit below 1.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<Meter>> ListAsync(
        MeterListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Meter>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>Reads every matching meter, page after page from <see cref="ListOptions.Page"/> (default 1). Retried per page.</summary>
    /// <param name="options">Filters and page size; <see langword="null"/> lists all, archived ones included.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The meters, lazily.</returns>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<Meter> ListAutoPagingAsync(
        MeterListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Meter>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Creates a meter: <c>POST /v1/meters/</c>; build the filter and aggregation with <see cref="MeterFilters"/> and
    /// <see cref="MeterAggregations"/>. Retried: a repeat after an ambiguous failure can leave a duplicate meter (Polar
    /// has no idempotency keys), never a charge; look meters up by name before creating again.
    /// </summary>
    /// <param name="body">The meter; <c>Name</c> is at least 3 characters and shows on invoices.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created meter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body (e.g. <c>unit: custom</c> without <c>custom_label</c>).</exception>
    public Task<Meter> CreateAsync(MeterCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<MeterCreate, Meter>(HttpMethod.Post, CollectionPath, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Updates a meter: <c>PATCH /v1/meters/{id}</c>; only the fields set are sent. Retried (the same patch gives the same
    /// meter).
    /// </summary>
    /// <param name="id">The meter id.</param>
    /// <param name="body">The fields to change.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated meter.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarNotFoundException">No such meter.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body (e.g. archiving a meter a price still uses).</exception>
    public Task<Meter> UpdateAsync(string id, MeterUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<MeterUpdate, Meter>(HttpMethod.Patch, ItemPath(id), body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>Archives a meter (<c>PATCH {"is_archived": true}</c>): it stops counting for billing. Retried.</summary>
    /// <param name="id">The meter id.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meter, with <see cref="Meter.ArchivedAt"/> set.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarException">The call failed (see <see cref="UpdateAsync"/>).</exception>
    public Task<Meter> ArchiveAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new MeterUpdate { IsArchived = true }, requestOptions, cancellationToken);

    /// <summary>Brings an archived meter back (<c>PATCH {"is_archived": false}</c>). Retried.</summary>
    /// <param name="id">The meter id.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meter, with <see cref="Meter.ArchivedAt"/> cleared.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarException">The call failed (see <see cref="UpdateAsync"/>).</exception>
    public Task<Meter> UnarchiveAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new MeterUpdate { IsArchived = false }, requestOptions, cancellationToken);

    private static string ItemPath(string id) => $"v1/meters/{Uri.EscapeDataString(id)}";
}
