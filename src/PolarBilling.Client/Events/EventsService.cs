using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Usage events: ingest, list and read: <c>/v1/events/</c>. Events feed meters, and meters feed usage-based prices,
/// so ingest is the one call here that bills: see <see cref="IngestAsync(EventsIngest, PolarRequestOptions?, CancellationToken)"/>
/// for when it is retried. Reads are always retried.
/// </summary>
public sealed partial class EventsService
{
    private const string CollectionPath = "v1/events/";

    internal EventsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one event: <c>GET /v1/events/{id}</c>. Retried (a read).</summary>
    /// <param name="id">The Polar event id (a UUID), not your <c>external_id</c>.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A <see cref="UserEvent"/> (ingested by you), a <see cref="SystemEvent"/> subtype (created by Polar), or <see cref="UnknownEvent"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such event.</exception>
    public Task<Event> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<Event>($"v1/events/{Uri.EscapeDataString(id)}", query: null, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Reads one page of events: <c>GET /v1/events/</c>. Retried (a read). Polar answers either with page counts
    /// (<see cref="PolarPagination.TotalCount"/>, <see cref="PolarPagination.MaxPage"/>) or, for large event sets, with
    /// cursor-style pagination (<see cref="PolarPagination.HasNextPage"/> only); both read into the same
    /// <see cref="PolarList{T}"/>, and the next page is always <c>Page + 1</c>.
    /// </summary>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 at Polar's default limit (10), newest first.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">A page or limit below 1, or a depth outside 0 to 5.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<Event>> ListAsync(
        EventListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Event>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Reads every matching event, page after page from <see cref="ListOptions.Page"/> (default 1), until
    /// <c>max_page</c> or <c>has_next_page: false</c>, whichever pagination Polar answers with. Retried per page.
    /// </summary>
    /// <param name="options">Filters and page size; <see langword="null"/> lists every event (use a time window for big organizations).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events, lazily.</returns>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<Event> ListAutoPagingAsync(
        EventListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Event>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>Reads one page of the distinct event names seen, with counts: <c>GET /v1/events/names</c>. Retried (a read).</summary>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 at Polar's default limit (10).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of names.</returns>
    /// <exception cref="ArgumentException">A page or limit below 1.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<EventName>> ListNamesAsync(
        EventNameListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<EventName>("v1/events/names", options, requestOptions, cancellationToken);

    /// <summary>Reads every distinct event name, page after page (see <see cref="ListNamesAsync"/>). Retried per page.</summary>
    /// <param name="options">Filters and page size; <see langword="null"/> lists all.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The names, lazily.</returns>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<EventName> ListNamesAutoPagingAsync(
        EventNameListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<EventName>("v1/events/names", options, requestOptions, cancellationToken);
}
