using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

public sealed partial class MetersService
{
    /// <summary>
    /// Reads a meter's quantities over time: <c>GET /v1/meters/{id}/quantities</c>, one bucket per
    /// <see cref="MeterQuantitiesOptions.Interval"/> between the start and end, plus the total. Retried (a read).
    /// </summary>
    /// <param name="id">The meter id.</param>
    /// <param name="options">The window, the bucket size and optional customer filters.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The buckets and the total for the window.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space, or the window ends before it starts.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="PolarNotFoundException">No such meter.</exception>
    public Task<MeterQuantities> GetQuantitiesAsync(
        string id, MeterQuantitiesOptions options, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        var query = new PolarQuery();
        options.AddTo(query);
        return Transport.GetAsync<MeterQuantities>($"{ItemPath(id)}/quantities", query, requestOptions, cancellationToken);
    }

    /// <summary>
    /// The total of a meter for one of your users (by external customer id) over a window, e.g. the current billing
    /// period: <see cref="GetQuantitiesAsync"/> with one bucket per UTC day, returning only the total. Retried.
    /// Polar counts whole days: every event on a UTC day the window touches, from the start's day through the end's.
    /// </summary>
    /// <param name="id">The meter id.</param>
    /// <param name="externalCustomerId">Your user id, as set in the customer's <c>external_id</c>.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The aggregated quantity (for a <c>sum</c> meter, the sum of the property).</returns>
    /// <exception cref="ArgumentException">An id is null, empty or white space, or <paramref name="end"/> is before <paramref name="start"/>.</exception>
    public async Task<double> GetTotalForExternalCustomerAsync(
        string id, string externalCustomerId, DateTimeOffset start, DateTimeOffset end,
        PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalCustomerId);
        if (end < start)
        {
            throw new ArgumentException($"The window ends ({end:O}) before it starts ({start:O}).", nameof(end));
        }

        // Polar's series runs from start_timestamp in steps of a day and takes each step's whole (UTC) day: from an
        // untruncated start (say 22:00), the step after the last one before the end lands past the end, so the end's
        // own day (today's usage after midnight) would be left out. From midnight every day of the window is a step.
        var options = new MeterQuantitiesOptions
        {
            StartTimestamp = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero),
            EndTimestamp = end,
            Interval = TimeInterval.Day,
            Timezone = "UTC",
            ExternalCustomerId = [externalCustomerId],
        };
        var quantities = await GetQuantitiesAsync(id, options, requestOptions, cancellationToken).ConfigureAwait(false);
        return quantities.Total;
    }
}
