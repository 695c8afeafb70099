using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Products and their prices: <c>/v1/products/</c>. Every call here is a catalog read or write that charges no one,
/// so all of them are retried on transient failures (<c>Safe</c>); repeating a create can at worst leave a duplicate
/// product, never a duplicate charge.
/// </summary>
public sealed partial class ProductsService
{
    private const string CollectionPath = "v1/products/";

    internal ProductsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one product with its prices, benefits and medias: <c>GET /v1/products/{id}</c>. Retried (a read).</summary>
    /// <param name="id">The product id (a UUID).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The product.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No product has this id in the token's organization.</exception>
    /// <exception cref="PolarException">Any other failure (see the client's error table).</exception>
    public Task<Product> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<Product>(ItemPath(id), query: null, requestOptions, cancellationToken);
    }

    /// <summary>Reads one page of products: <c>GET /v1/products/</c>. Retried (a read).</summary>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 at Polar's default limit (10), newest first.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with <c>total_count</c> and <c>max_page</c>.</returns>
    /// <exception cref="ArgumentException">A page or limit below 1.</exception>
    /// <exception cref="PolarException">The call failed (see the client's error table).</exception>
    public Task<PolarList<Product>> ListAsync(
        ProductListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Product>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>Reads every matching product, page after page from <see cref="ListOptions.Page"/> (default 1). Retried per page.</summary>
    /// <param name="options">Filters and page size; <see langword="null"/> lists all products at Polar's default page size.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The products, lazily; each page is fetched when the previous one is consumed.</returns>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<Product> ListAutoPagingAsync(
        ProductListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Product>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Creates a product: <c>POST /v1/products/</c> with a <see cref="ProductCreateRecurring"/> (a subscription plan) or a
    /// <see cref="ProductCreateOneTime"/> (a one-time purchase). Retried: a repeat after an ambiguous failure can create a
    /// second product (Polar has no idempotency keys), so look products up by name or metadata before creating again.
    /// </summary>
    /// <param name="body">The product; a free plan is a <see cref="ProductPriceFixedCreate"/> with <c>PriceAmount = 0</c>.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created product with its price ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body, e.g. two fixed prices or a metered price on a one-time product.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Product> CreateAsync(ProductCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<ProductCreate, Product>(HttpMethod.Post, CollectionPath, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Updates a product: <c>PATCH /v1/products/{id}</c>; only the fields set are sent. Retried (repeating the same
    /// patch gives the same product). When <see cref="ProductUpdate.Prices"/> is set it REPLACES the price list: keep a
    /// price by listing it as an <see cref="ExistingProductPrice"/> (see <see cref="ProductPriceExtensions.ToExistingPrices"/>);
    /// every price left out is archived by Polar.
    /// </summary>
    /// <param name="id">The product id.</param>
    /// <param name="body">The fields to change.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated product.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarNotFoundException">No such product.</exception>
    /// <exception cref="PolarPermissionException">The product cannot be changed by this token (403 <c>NotPermitted</c>).</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body, e.g. a changed recurring interval.</exception>
    public Task<Product> UpdateAsync(
        string id, ProductUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<ProductUpdate, Product>(HttpMethod.Patch, ItemPath(id), body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    private static string ItemPath(string id) => $"v1/products/{Uri.EscapeDataString(id)}";
}
