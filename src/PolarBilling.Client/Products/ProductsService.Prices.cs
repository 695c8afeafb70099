namespace PolarBilling.Client;

public sealed partial class ProductsService
{
    /// <summary>
    /// Archives a product (<c>PATCH {"is_archived": true}</c>): it can no longer be bought, while existing subscribers keep
    /// their benefits and their subscriptions renew as before. Retried.
    /// </summary>
    /// <param name="id">The product id.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archived product.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarException">The call failed (see <see cref="UpdateAsync"/>).</exception>
    public Task<Product> ArchiveAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new ProductUpdate { IsArchived = true }, requestOptions, cancellationToken);

    /// <summary>Makes an archived product purchasable again (<c>PATCH {"is_archived": false}</c>). Retried.</summary>
    /// <param name="id">The product id.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The product.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarException">The call failed (see <see cref="UpdateAsync"/>).</exception>
    public Task<Product> UnarchiveAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new ProductUpdate { IsArchived = false }, requestOptions, cancellationToken);

    /// <summary>
    /// Adds a price to a product and keeps all its current prices: reads the product, then sends its active prices as
    /// <see cref="ExistingProductPrice"/> plus <paramref name="price"/>. Two calls, both retried; not atomic, so two
    /// concurrent price edits of one product can lose one of them.
    /// </summary>
    /// <param name="id">The product id.</param>
    /// <param name="price">The new price, e.g. a <see cref="ProductPriceMeteredUnitCreate"/> for usage overage.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The updated product.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="price"/> is null.</exception>
    /// <exception cref="PolarValidationException">The combination is not allowed (e.g. a second fixed price).</exception>
    public async Task<Product> AddPriceAsync(
        string id, ProductPriceCreate price, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(price);
        var product = await GetAsync(id, requestOptions, cancellationToken).ConfigureAwait(false);
        var prices = product.ToExistingPrices();
        prices.Add(price);
        return await UpdateAsync(id, new ProductUpdate { Prices = prices }, requestOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Archives one price of a product and keeps the others: reads the product, then sends every other active price as
    /// <see cref="ExistingProductPrice"/> (Polar archives the price left out). Subscriptions already on that price keep it.
    /// Two calls, both retried; not atomic.
    /// </summary>
    /// <param name="id">The product id.</param>
    /// <param name="priceId">The price to archive.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The updated product.</returns>
    /// <exception cref="ArgumentException">An id is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The product has no active price <paramref name="priceId"/>, or it is the only one (Polar requires at least one price).</exception>
    public async Task<Product> ArchivePriceAsync(
        string id, string priceId, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(priceId);
        var product = await GetAsync(id, requestOptions, cancellationToken).ConfigureAwait(false);
        var prices = product.ToExistingPrices();
        if (prices.RemoveAll(p => p is ExistingProductPrice existing && existing.Id == priceId) == 0)
        {
            throw new InvalidOperationException($"Product {id} has no active price {priceId}.");
        }

        if (prices.Count == 0)
        {
            throw new InvalidOperationException($"Price {priceId} is the only active price of product {id}: add another price first, or archive the product.");
        }

        return await UpdateAsync(id, new ProductUpdate { Prices = prices }, requestOptions, cancellationToken).ConfigureAwait(false);
    }
}
