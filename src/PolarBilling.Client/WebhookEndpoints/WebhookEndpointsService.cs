using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Webhook endpoints, secrets, deliveries and redelivery: <c>/v1/webhooks/</c>.</summary>
/// <remarks>
/// Every call here is retried after transient failures: none moves money. Two consequences to know: a retried
/// create after a lost answer can leave a second endpoint with the same URL (list before you create), and a
/// retried delete whose first attempt did succeed answers 404.
/// </remarks>
public sealed partial class WebhookEndpointsService
{
    private const string EndpointsPath = "v1/webhooks/endpoints";

    internal WebhookEndpointsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one page of webhook endpoints. <c>GET /v1/webhooks/endpoints</c>.</summary>
    /// <param name="options">Organization filter, page and limit; <see langword="null"/> reads page 1 (10 per page).</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">The call failed (see the typed subclasses).</exception>
    public Task<PolarList<WebhookEndpoint>> ListAsync(
        WebhookEndpointListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<WebhookEndpoint>(EndpointsPath, options, requestOptions, cancellationToken);

    /// <summary>Every webhook endpoint, page after page from <see cref="ListOptions.Page"/>.</summary>
    /// <param name="options">Organization filter, first page and page size; <see langword="null"/> for all endpoints.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">A page could not be read (see the typed subclasses).</exception>
    public IAsyncEnumerable<WebhookEndpoint> ListAutoPagingAsync(
        WebhookEndpointListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<WebhookEndpoint>(EndpointsPath, options, requestOptions, cancellationToken);

    /// <summary>Reads one webhook endpoint, secret included. <c>GET /v1/webhooks/endpoints/{id}</c>.</summary>
    /// <param name="id">The endpoint id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No endpoint has this id.</exception>
    public Task<WebhookEndpoint> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.GetAsync<WebhookEndpoint>(PathOf(id), query: null, requestOptions, cancellationToken);

    /// <summary>
    /// Registers an endpoint: its URL, payload format and the event types to send. Polar generates the signing secret
    /// and returns it in <see cref="WebhookEndpoint.Secret"/>: store it where your receiver reads it. <c>POST /v1/webhooks/endpoints</c>.
    /// </summary>
    /// <param name="body">URL, <see cref="WebhookFormat.Raw"/> for an app, the events, and optionally a name.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the URL or events (422).</exception>
    public Task<WebhookEndpoint> CreateAsync(WebhookEndpointCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<WebhookEndpointCreate, WebhookEndpoint>(
            HttpMethod.Post, EndpointsPath, body ?? throw new ArgumentNullException(nameof(body)), RetryMode.Safe, requestOptions, cancellationToken);

    /// <summary>Changes an endpoint's URL, name, format, events or enabled flag; unset fields stay. <c>PATCH /v1/webhooks/endpoints/{id}</c>.</summary>
    /// <param name="id">The endpoint id.</param>
    /// <param name="body">The fields to change.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarNotFoundException">No endpoint has this id.</exception>
    public Task<WebhookEndpoint> UpdateAsync(
        string id, WebhookEndpointUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<WebhookEndpointUpdate, WebhookEndpoint>(HttpMethod.Patch, path, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Turns a disabled endpoint back on (<c>{"enabled": true}</c>). Polar disables an endpoint by itself after its 10
    /// most recent events all failed, and never re-enables it.
    /// </summary>
    /// <param name="id">The endpoint id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No endpoint has this id.</exception>
    public Task<WebhookEndpoint> EnableAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new WebhookEndpointUpdate { Enabled = true }, requestOptions, cancellationToken);

    /// <summary>Deletes an endpoint; Polar stops sending to it at once. <c>DELETE /v1/webhooks/endpoints/{id}</c> (204).</summary>
    /// <param name="id">The endpoint id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No endpoint has this id (also after a retried delete that had succeeded).</exception>
    public Task DeleteAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendWithoutResultAsync(HttpMethod.Delete, PathOf(id), query: null, RetryMode.Safe, requestOptions, cancellationToken);

    /// <summary>
    /// Replaces the endpoint's signing secret with a new one, returned in <see cref="WebhookEndpoint.Secret"/>.
    /// Deliveries are signed with the new secret at once, so deploy it to the receiver quickly (or let the receiver
    /// accept both for a while). <c>PATCH /v1/webhooks/endpoints/{id}/secret</c>, no body.
    /// </summary>
    /// <param name="id">The endpoint id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The endpoint with its new secret. After a retried rotation this is the latest secret, which is the one in force.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No endpoint has this id.</exception>
    public Task<WebhookEndpoint> RotateSecretAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<WebhookEndpoint>(HttpMethod.Patch, PathOf(id) + "/secret", RetryMode.Safe, requestOptions, cancellationToken);

    private static string PathOf(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return EndpointsPath + "/" + Uri.EscapeDataString(id);
    }
}
