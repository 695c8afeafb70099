using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Discounts and discount codes: <c>/v1/discounts/</c>. A discount is a percentage (<c>basis_points</c>, 1000 = 10 %) or a
/// fixed amount in cents, applied once, forever or for <c>duration_in_months</c> (repeating); Polar returns one of the
/// four <see cref="Discount"/> members accordingly. Managing discounts moves no money, so every call is retried on
/// transient failures.
/// </summary>
public sealed partial class DiscountsService
{
    private const string BasePath = "v1/discounts/";

    internal DiscountsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>
    /// Creates a discount (<c>POST /v1/discounts/</c>): a <see cref="DiscountPercentageCreate"/> or a <see cref="DiscountFixedCreate"/>.
    /// Retried on transient failures (no money moves): if an attempt went through but its answer was lost, the retry
    /// creates a twin, or fails with 422 when it has a code already taken; list by name or code to check.
    /// </summary>
    /// <param name="body">The discount: name, duration (with <c>duration_in_months</c> when repeating), amount or basis points, limits.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new discount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException">The duration is repeating without <c>DurationInMonths</c>, or once/forever with it.</exception>
    /// <exception cref="PolarValidationException">422, e.g. the code is taken or malformed.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Discount> CreateAsync(DiscountCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var repeating = body.Duration == DiscountDuration.Repeating;
        if (repeating != body.DurationInMonths.HasValue && body.Duration.IsKnown)
        {
            throw new ArgumentException(
                repeating ? "A repeating discount needs DurationInMonths (1 to 999)." : $"DurationInMonths is only for repeating discounts, not {body.Duration}.",
                nameof(body));
        }

        return Transport.SendAsync<DiscountCreate, Discount>(HttpMethod.Post, BasePath, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>Reads a discount by id (<c>GET /v1/discounts/{id}</c>). Retried on transient failures.</summary>
    /// <param name="id">The discount id.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The discount, with its redemption count; an <see cref="UnknownDiscount"/> for a kind this client does not know.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such discount.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Discount> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<Discount>(PathOf(id), null, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Changes a discount (<c>PATCH /v1/discounts/{id}</c>); only fields set on <paramref name="body"/> are sent. Retried on
    /// transient failures: setting the same fields twice has the same result.
    /// </summary>
    /// <param name="id">The discount id.</param>
    /// <param name="body">The fields to change.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated discount.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">422: an invalid change.</exception>
    /// <exception cref="PolarNotFoundException">No such discount.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Discount> UpdateAsync(
        string id, DiscountUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<DiscountUpdate, Discount>(HttpMethod.Patch, PathOf(id), body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Deletes a discount (<c>DELETE /v1/discounts/{id}</c>): it can no longer be redeemed. Retried on transient failures; a retry after a lost answer gets 404.
    /// </summary>
    /// <param name="id">The discount id.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Polar answered 204.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such discount.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task DeleteAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.SendWithoutResultAsync(HttpMethod.Delete, PathOf(id), null, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>Reads one page of discounts (<c>GET /v1/discounts/</c>), newest first by default. Retried on transient failures.</summary>
    /// <param name="options">Filters, page, page size and sorting; <see langword="null"/> reads page 1 with Polar's defaults.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and its pagination counts.</returns>
    /// <exception cref="ArgumentException">The page or limit in <paramref name="options"/> is below 1.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<Discount>> ListAsync(
        DiscountListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Discount>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>Every discount matching <paramref name="options"/>, page after page from <see cref="ListOptions.Page"/> (default 1).</summary>
    /// <param name="options">Filters, first page, page size and sorting; <see langword="null"/> for all discounts.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The discounts, fetched a page at a time as you enumerate.</returns>
    /// <exception cref="ArgumentException">The page or limit in <paramref name="options"/> is below 1.</exception>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<Discount> ListAutoPagingAsync(
        DiscountListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Discount>(BasePath, options, requestOptions, cancellationToken);

    private static string PathOf(string id) => BasePath + Uri.EscapeDataString(id);
}
