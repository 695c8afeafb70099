using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

public sealed partial class EventsService
{
    /// <summary>
    /// Ingests a batch of usage events: <c>POST /v1/events/ingest</c>. Polar skips an event whose <c>external_id</c> it
    /// already holds in the organization and counts it in <see cref="EventsIngestResponse.Duplicates"/>.
    /// <para>
    /// Retries: when EVERY event has an <c>external_id</c> the call is retried on transient failures (a repeat is
    /// de-duplicated, nothing is billed twice). When any event lacks one, the call is treated as money-moving and retried
    /// only when Polar certainly did not act (429, or a connection never made): an event without <c>external_id</c>
    /// that Polar stored before the answer was lost would be stored, and billed, a second time. After a
    /// <see cref="PolarTimeoutException"/> on such a batch, check with <see cref="ListAsync"/> before sending again.
    /// Give every event a deterministic <c>external_id</c> (e.g. <c>{user}:{meter}:{window}</c>).
    /// </para>
    /// </summary>
    /// <param name="body">The events: <see cref="EventCreateExternalCustomer"/> (by your user id) or <see cref="EventCreateCustomer"/> (by Polar customer id).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many events were inserted and how many were duplicates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/>, its event list or one of its events is null.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the batch (e.g. a timestamp in the future, a name over 128 characters); nothing was stored.</exception>
    /// <exception cref="PolarTimeoutException">No answer in time; with events lacking <c>external_id</c>, they may have been stored.</exception>
    public Task<EventsIngestResponse> IngestAsync(
        EventsIngest body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(body.Events, "body.Events");
        if (body.Events.Exists(e => e is null))
        {
            throw new ArgumentNullException(nameof(body), "body.Events contains a null event.");
        }

        return Transport.SendAsync<EventsIngest, EventsIngestResponse>(
            HttpMethod.Post, "v1/events/ingest", body, RetryModeFor(body.Events), requestOptions, cancellationToken);
    }

    /// <summary>Ingests usage events (see <see cref="IngestAsync(EventsIngest, PolarRequestOptions?, CancellationToken)"/> for retries).</summary>
    /// <param name="events">The events, each with a deterministic <c>external_id</c> so a retry is safe.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many events were inserted and how many were duplicates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or one of its events is null.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<EventsIngestResponse> IngestAsync(
        IEnumerable<EventCreate> events, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return IngestAsync(new EventsIngest { Events = [.. events] }, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Records one usage event for one of your users, de-duplicated by <paramref name="externalId"/>, so it is always
    /// safe to retry: <c>POST /v1/events/ingest</c> with one <see cref="EventCreateExternalCustomer"/>.
    /// </summary>
    /// <param name="externalCustomerId">Your user id, as set in the customer's <c>external_id</c>.</param>
    /// <param name="eventName">The event name a meter filters on, e.g. <c>api_call</c> (up to 128 characters).</param>
    /// <param name="externalId">Your unique, deterministic id for this event: the de-duplication key.</param>
    /// <param name="metadata">Flat properties meters aggregate on, e.g. <c>tokens = 1200</c>; <see langword="null"/> for none.</param>
    /// <param name="timestamp">When it happened; <see langword="null"/> lets Polar use the time it receives it. Must not be in the future.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><c>inserted: 1</c>, or <c>duplicates: 1</c> when Polar already had it.</returns>
    /// <exception cref="ArgumentException">An id or the name is null, empty or white space.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<EventsIngestResponse> RecordUsageAsync(
        string externalCustomerId, string eventName, string externalId, IEnumerable<KeyValuePair<string, MetadataValue>>? metadata = null,
        DateTimeOffset? timestamp = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalCustomerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        var usage = new EventCreateExternalCustomer
        {
            ExternalCustomerId = externalCustomerId,
            Name = eventName,
            ExternalId = externalId,
            Timestamp = timestamp,
            Metadata = metadata is null ? null : EventMetadata.From(metadata),
        };
        return IngestAsync([usage], requestOptions, cancellationToken);
    }

    /// <summary>Safe only when Polar can de-duplicate every event of the batch.</summary>
    internal static RetryMode RetryModeFor(IEnumerable<EventCreate> events) =>
        events.All(e => !string.IsNullOrEmpty(e.ExternalId)) ? RetryMode.Safe : RetryMode.MoneyMoving;
}
