using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Orders (payment history), invoices and receipts: <c>/v1/orders/</c>.</summary>
/// <remarks>
/// Reads, billing-detail updates and invoice generation are retried after transient failures. Creating and
/// finalizing a draft order charge money and are sent once, repeated only when Polar certainly did not act.
/// </remarks>
public sealed partial class OrdersService
{
    private const string BasePath = "v1/orders/";

    internal OrdersService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one order. <c>GET /v1/orders/{id}</c>; retried (a read).</summary>
    /// <param name="id">The order id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No order has this id in the organization.</exception>
    /// <exception cref="PolarException">Any other failure (see the typed subclasses).</exception>
    public Task<Order> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.GetAsync<Order>(PathOf(id), query: null, requestOptions, cancellationToken);

    /// <summary>Reads one page of orders. <c>GET /v1/orders/</c>; retried (a read).</summary>
    /// <param name="options">Filters, page, limit and sorting; <see langword="null"/> reads page 1 with Polar's defaults (10 per page, newest first).</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">The call failed (see the typed subclasses).</exception>
    public Task<PolarList<Order>> ListAsync(
        OrderListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Order>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>Every matching order, page after page from <see cref="ListOptions.Page"/>. Each page is retried (a read).</summary>
    /// <param name="options">Filters, first page, page size and sorting; <see langword="null"/> for all orders.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">A page could not be read (see the typed subclasses).</exception>
    public IAsyncEnumerable<Order> ListAutoPagingAsync(
        OrderListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Order>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Changes the billing name or address printed on the invoice (country and state cannot change). <c>PATCH /v1/orders/{id}</c>.
    /// Retried after transient failures (the same update twice leaves the same order).
    /// </summary>
    /// <param name="id">The order id.</param>
    /// <param name="body">The fields to change; unset fields are left as they are.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarNotFoundException">No order has this id.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the change (422).</exception>
    public Task<Order> UpdateAsync(string id, OrderUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<OrderUpdate, Order>(HttpMethod.Patch, path, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Creates a <b>draft</b> order for an off-session charge (a feature Polar enables per organization); nothing is
    /// charged until <see cref="FinalizeAsync"/>. <c>POST /v1/orders/</c>.
    /// </summary>
    /// <remarks>Sent once: a repeat after an ambiguous failure could leave two drafts that both get finalized. After a timeout, list the customer's draft orders first.</remarks>
    /// <param name="body">Customer, product and optionally a custom amount, currency and description.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the order (422).</exception>
    /// <exception cref="PolarTimeoutException">No answer in time; the draft may exist.</exception>
    public Task<Order> CreateAsync(OrderCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<OrderCreate, Order>(
            HttpMethod.Post, BasePath, body ?? throw new ArgumentNullException(nameof(body)), RetryMode.MoneyMoving, requestOptions, cancellationToken);

    /// <summary>
    /// Finalizes a draft order and charges the customer off-session. <c>POST /v1/orders/{id}/finalize</c>.
    /// </summary>
    /// <remarks>Sent once: a repeat after an ambiguous failure could charge twice. After a timeout, read the order and check <see cref="Order.Status"/>.</remarks>
    /// <param name="id">The draft order id.</param>
    /// <param name="body">The payment method to charge; default <see langword="null"/> sends <c>{}</c> (the customer's default method).</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarApiException">402 <c>PaymentFailed</c> or <c>PaymentActionRequired</c>; 412 <c>OrderNotDraft</c>.</exception>
    /// <exception cref="PolarPermissionException">403 <c>OffSessionChargesNotEnabled</c> or <c>OrganizationNotReadyForPayments</c>.</exception>
    /// <exception cref="PolarTimeoutException">No answer in time; the charge may have happened.</exception>
    public Task<Order> FinalizeAsync(
        string id, OrderFinalize? body = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<OrderFinalize, Order>(
            HttpMethod.Post, PathOf(id) + "/finalize", body ?? new OrderFinalize(), RetryMode.MoneyMoving, requestOptions, cancellationToken);

    private static string PathOf(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return BasePath + Uri.EscapeDataString(id);
    }
}
