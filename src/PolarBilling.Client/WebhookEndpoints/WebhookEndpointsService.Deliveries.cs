using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <content>Delivery history and redelivery of past events.</content>
public sealed partial class WebhookEndpointsService
{
    private const string DeliveriesPath = "v1/webhooks/deliveries";

    /// <summary>Reads one page of delivery attempts, newest first. <c>GET /v1/webhooks/deliveries</c>.</summary>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 of every endpoint's deliveries.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">The call failed (see the typed subclasses).</exception>
    public Task<PolarList<WebhookDelivery>> ListDeliveriesAsync(
        WebhookDeliveryListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<WebhookDelivery>(DeliveriesPath, options, requestOptions, cancellationToken);

    /// <summary>Every matching delivery attempt, page after page from <see cref="ListOptions.Page"/>.</summary>
    /// <param name="options">Filters, first page and page size; <see langword="null"/> for every delivery.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">A page could not be read (see the typed subclasses).</exception>
    public IAsyncEnumerable<WebhookDelivery> ListDeliveriesAutoPagingAsync(
        WebhookDeliveryListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<WebhookDelivery>(DeliveriesPath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Queues the event for delivery again to its endpoint (202 Accepted). <c>POST /v1/webhooks/events/{id}/redeliver</c>.
    /// The redelivery keeps the event's <c>webhook-id</c>, so a receiver that de-duplicates on it handles it once;
    /// that is also why a retried call is harmless. Events older than 90 days are archived and cannot be redelivered.
    /// </summary>
    /// <param name="eventId">The webhook event id (<see cref="WebhookEvent.Id"/>, i.e. <see cref="WebhookDelivery.WebhookEvent"/>'s id), not the delivery id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No event has this id.</exception>
    public Task RedeliverAsync(string eventId, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return Transport.SendWithoutResultAsync(
            HttpMethod.Post, $"v1/webhooks/events/{Uri.EscapeDataString(eventId)}/redeliver", query: null, RetryMode.Safe, requestOptions, cancellationToken);
    }
}
