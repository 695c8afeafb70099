using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Refunds of orders: <c>/v1/refunds/</c>.</summary>
/// <remarks>
/// Creating a refund moves money and Polar has no idempotency keys, so it is sent once and repeated only when
/// Polar certainly did not act (a 429 or a connection never made). After a timeout or a 5xx, list the order's
/// refunds before trying again. Lists are retried.
/// </remarks>
public sealed partial class RefundsService
{
    private const string BasePath = "v1/refunds/";

    internal RefundsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one page of refunds. <c>GET /v1/refunds/</c>; retried (a read).</summary>
    /// <param name="options">Filters, page, limit and sorting; <see langword="null"/> reads page 1 with Polar's defaults (10 per page, newest first).</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">The call failed (see the typed subclasses).</exception>
    public Task<PolarList<Refund>> ListAsync(
        RefundListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Refund>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>Every matching refund, page after page from <see cref="ListOptions.Page"/>. Each page is retried (a read).</summary>
    /// <param name="options">Filters, first page, page size and sorting; <see langword="null"/> for all refunds.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentException">The page or limit is below 1.</exception>
    /// <exception cref="PolarException">A page could not be read (see the typed subclasses).</exception>
    public IAsyncEnumerable<Refund> ListAutoPagingAsync(
        RefundListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Refund>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Refunds part or all of an order. <c>POST /v1/refunds/</c>. Sent once: never retried after a timeout or 5xx.
    /// </summary>
    /// <param name="body">
    /// The order, the reason (<c>duplicate</c>, <c>fraudulent</c>, <c>customer_request</c>, <c>service_disruption</c>,
    /// <c>satisfaction_guarantee</c>, <c>other</c>), the amount in minor units before tax (at most
    /// <see cref="Order.RefundableAmount"/>; Polar adds the matching tax), and optionally a comment, metadata and
    /// <c>revoke_benefits</c> (one-time orders only).
    /// </param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The refund, usually <c>pending</c> at first; <c>refund.updated</c> and <c>order.refunded</c> webhooks follow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is below 1.</exception>
    /// <exception cref="PolarPermissionException">403 <c>RefundedAlready</c>: nothing is left to refund.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the refund, e.g. more than the refundable amount (422).</exception>
    /// <exception cref="PolarServerException">Polar failed (5xx); the refund may exist: list the order's refunds before trying again.</exception>
    /// <exception cref="PolarTimeoutException">No answer in time; the refund may exist.</exception>
    public Task<Refund> CreateAsync(RefundCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Amount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(body), body.Amount, "RefundCreate.Amount is in minor units and must be at least 1.");
        }

        return Transport.SendAsync<RefundCreate, Refund>(HttpMethod.Post, BasePath, body, RetryMode.MoneyMoving, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Refunds everything still refundable on <paramref name="order"/> (<see cref="Order.RefundableAmount"/>, before tax;
    /// Polar refunds the matching tax). Sent once, like <see cref="CreateAsync"/>.
    /// </summary>
    /// <param name="order">The order as last read; its refundable amount decides how much is refunded.</param>
    /// <param name="reason">Why; <see cref="RefundReason.DisputePrevention"/> is Polar's own and not accepted here.</param>
    /// <param name="comment">An internal comment; default <see langword="null"/> (not sent).</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Nothing is left to refund on the order.</exception>
    /// <exception cref="PolarException">As for <see cref="CreateAsync"/>.</exception>
    public Task<Refund> RefundInFullAsync(
        Order order, RefundReason reason, string? comment = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.RefundableAmount < 1)
        {
            throw new InvalidOperationException($"Order {order.Id} has nothing left to refund (refundable_amount is {order.RefundableAmount}).");
        }

        return CreateAsync(
            new RefundCreate { OrderId = order.Id, Reason = reason.Value, Amount = order.RefundableAmount, Comment = comment },
            requestOptions,
            cancellationToken);
    }
}
