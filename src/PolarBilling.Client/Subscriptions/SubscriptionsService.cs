using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Subscriptions: create (free products), every update, cancel and revoke: <c>/v1/subscriptions/</c>.</summary>
/// <remarks>
/// Reads are retried after transient failures. Writes that can charge the customer or end access for good are
/// sent once and repeated only when Polar certainly did not act (a 429 or a connection never made); each
/// method says which kind it is. Polar has no idempotency keys, so that is the only protection against a
/// double charge.
/// </remarks>
public sealed partial class SubscriptionsService
{
    private const string BasePath = "v1/subscriptions/";

    internal SubscriptionsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one subscription. <c>GET /v1/subscriptions/{id}</c>; retried (a read).</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No subscription has this id in the organization.</exception>
    /// <exception cref="PolarException">Any other failure (see the typed subclasses).</exception>
    public Task<Subscription> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.GetAsync<Subscription>(PathOf(id), query: null, requestOptions, cancellationToken);

    /// <summary>Reads one page of subscriptions. <c>GET /v1/subscriptions/</c>; retried (a read).</summary>
    /// <param name="options">Filters, page, limit and sorting; <see langword="null"/> reads page 1 with Polar's defaults (10 per page, newest start first).</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">The call failed (see the typed subclasses).</exception>
    public Task<PolarList<Subscription>> ListAsync(
        SubscriptionListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Subscription>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>Every matching subscription, page after page from <see cref="ListOptions.Page"/>. Each page is retried (a read).</summary>
    /// <param name="options">Filters, first page, page size and sorting; <see langword="null"/> for all subscriptions.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">A page could not be read (see the typed subclasses).</exception>
    public IAsyncEnumerable<Subscription> ListAutoPagingAsync(
        SubscriptionListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Subscription>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Subscribes a customer, by Polar id, to a <b>free</b> recurring product (no order, no email). <c>POST /v1/subscriptions/</c>.
    /// Paid products go through a checkout instead.
    /// </summary>
    /// <remarks>Not retried after an ambiguous failure: a repeat could leave the customer with two subscriptions. After a timeout, list the customer's subscriptions before trying again.</remarks>
    /// <param name="body">The product, the customer and optional metadata.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">The product is not free and recurring, or the customer is unknown (422).</exception>
    /// <exception cref="PolarException">Any other failure (see the typed subclasses).</exception>
    public Task<Subscription> CreateAsync(
        SubscriptionCreateCustomer body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<SubscriptionCreateCustomer, Subscription>(
            HttpMethod.Post, BasePath, body ?? throw new ArgumentNullException(nameof(body)), RetryMode.MoneyMoving, requestOptions, cancellationToken);

    /// <summary>
    /// Subscribes a customer, by your external id, to a <b>free</b> recurring product. <c>POST /v1/subscriptions/</c>.
    /// </summary>
    /// <remarks>Not retried after an ambiguous failure: a repeat could leave the customer with two subscriptions.</remarks>
    /// <param name="body">The product, the customer's external id and optional metadata.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">The product is not free and recurring, or no customer has that external id (422).</exception>
    /// <exception cref="PolarException">Any other failure (see the typed subclasses).</exception>
    public Task<Subscription> CreateAsync(
        SubscriptionCreateExternalCustomer body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<SubscriptionCreateExternalCustomer, Subscription>(
            HttpMethod.Post, BasePath, body ?? throw new ArgumentNullException(nameof(body)), RetryMode.MoneyMoving, requestOptions, cancellationToken);

    /// <summary>
    /// Revokes the subscription now: access ends at once and it will not renew. <c>DELETE /v1/subscriptions/{id}</c>.
    /// To record the customer's reason, use <see cref="RevokeWithReasonAsync"/>; to keep access until the paid
    /// period ends, use <see cref="CancelAtPeriodEndAsync"/>.
    /// </summary>
    /// <remarks>Not retried after an ambiguous failure: a repeat of a revoke that did happen answers 403 <c>AlreadyCanceledSubscription</c>, which would hide the success.</remarks>
    /// <param name="id">The subscription id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as Polar left it (status <c>canceled</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarPermissionException">403 <c>AlreadyCanceledSubscription</c>: it was already revoked.</exception>
    /// <exception cref="PolarApiException">409 <c>SubscriptionLocked</c>: another change is in progress; try again shortly.</exception>
    /// <exception cref="PolarNotFoundException">No subscription has this id.</exception>
    public Task<Subscription> RevokeAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<Subscription>(HttpMethod.Delete, PathOf(id), RetryMode.MoneyMoving, requestOptions, cancellationToken);

    private static string PathOf(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return BasePath.TrimEnd('/') + "/" + Uri.EscapeDataString(id);
    }
}
