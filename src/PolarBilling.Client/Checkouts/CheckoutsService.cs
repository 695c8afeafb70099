using System.Text.Json;
using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Checkout sessions, including the unauthenticated client calls: <c>/v1/checkouts/</c>.
/// Creating a checkout moves no money (the customer pays on Polar's hosted page), so every call here except
/// <see cref="ConfirmByClientSecretAsync"/> is retried on transient failures.
/// </summary>
public sealed partial class CheckoutsService
{
    private const string BasePath = "v1/checkouts/";

    internal CheckoutsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>
    /// Creates a checkout session (<c>POST /v1/checkouts/</c>) and returns it with the hosted payment <see cref="Checkout.Url"/>
    /// to send the customer to. Retried on transient failures: a repeat at worst leaves an extra open session that
    /// expires unpaid after 24 hours.
    /// </summary>
    /// <param name="body">
    /// The products (the first is preselected), and optionally the customer (<c>external_customer_id</c>, <c>customer_email</c>),
    /// <c>success_url</c> (may contain the literal <see cref="CheckoutSuccessUrl.CheckoutIdPlaceholder"/>, sent unchanged),
    /// metadata copied to the resulting order or subscription, a discount and trial settings.
    /// </param>
    /// <param name="requestOptions">Per-call token, timeout, API version or organization; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open checkout session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="body"/> lists no products.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body (422), e.g. an unknown product.</exception>
    /// <exception cref="PolarException">Any other failure: see the exception types in PolarBilling.Client.</exception>
    public Task<Checkout> CreateAsync(
        CheckoutProductsCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Products is null || body.Products.Count == 0)
        {
            throw new ArgumentException("A checkout needs at least one product id in Products.", nameof(body));
        }

        return Transport.SendAsync<CheckoutProductsCreate, Checkout>(
            HttpMethod.Post, BasePath, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>Reads a checkout session by its id (<c>GET /v1/checkouts/{id}</c>). Retried on transient failures.</summary>
    /// <param name="id">The checkout session id.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checkout session, with its <see cref="Checkout.Status"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such checkout in the organization.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Checkout> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<Checkout>(PathOf(id), null, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Changes an open checkout session (<c>PATCH /v1/checkouts/{id}</c>): only the fields set on <paramref name="body"/>
    /// are sent. Retried on transient failures: setting the same fields twice has the same result.
    /// </summary>
    /// <param name="id">The checkout session id.</param>
    /// <param name="body">The fields to change.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated checkout session.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarPermissionException">
    /// 403: the checkout is not open, the payment is not ready, the trial was already redeemed, the discount is used up,
    /// or the customer already has an active subscription (<see cref="PolarApiException.Error"/> names which).
    /// </exception>
    /// <exception cref="PolarNotFoundException">No such checkout.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Checkout> UpdateAsync(
        string id, CheckoutUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<CheckoutUpdate, Checkout>(HttpMethod.Patch, PathOf(id), body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Takes the discount off an open checkout session: sends <c>{"discount_id": null}</c>, which Polar reads as "remove"
    /// (leaving <see cref="CheckoutUpdate.DiscountId"/> unset would change nothing). Retried on transient failures.
    /// </summary>
    /// <param name="id">The checkout session id.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checkout session without a discount.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarPermissionException">403: the checkout is no longer open.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Checkout> RemoveDiscountAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var body = new CheckoutUpdate { AdditionalProperties = new Dictionary<string, JsonElement> { ["discount_id"] = JsonNull() } };
        return UpdateAsync(id, body, requestOptions, cancellationToken);
    }

    /// <summary>Reads one page of checkout sessions (<c>GET /v1/checkouts/</c>), newest first by default. Retried on transient failures.</summary>
    /// <param name="options">Filters, page, page size and sorting; <see langword="null"/> reads page 1 with Polar's defaults.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and its pagination counts.</returns>
    /// <exception cref="ArgumentException">The page or limit in <paramref name="options"/> is below 1.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<Checkout>> ListAsync(
        CheckoutListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Checkout>(BasePath, options, requestOptions, cancellationToken);

    /// <summary>Every checkout session matching <paramref name="options"/>, page after page from <see cref="ListOptions.Page"/> (default 1).</summary>
    /// <param name="options">Filters, first page, page size and sorting; <see langword="null"/> for all sessions.</param>
    /// <param name="requestOptions">Per-call settings; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The sessions, fetched a page at a time as you enumerate.</returns>
    /// <exception cref="ArgumentException">The page or limit in <paramref name="options"/> is below 1.</exception>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<Checkout> ListAutoPagingAsync(
        CheckoutListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Checkout>(BasePath, options, requestOptions, cancellationToken);

    private static string PathOf(string id) => BasePath + Uri.EscapeDataString(id);

    private static JsonElement JsonNull()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }
}
