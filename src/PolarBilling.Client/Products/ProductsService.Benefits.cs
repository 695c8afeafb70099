using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

public sealed partial class ProductsService
{
    /// <summary>
    /// Sets the benefits a product grants: <c>POST /v1/products/{id}/benefits</c>. The list REPLACES the current one
    /// (benefits left out are revoked from existing customers by Polar's background jobs), and its order is the display
    /// order. Retried: sending the same list twice gives the same result.
    /// </summary>
    /// <param name="id">The product id.</param>
    /// <param name="body">Every benefit id the product should grant; an empty list removes all.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The product with its new benefits.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarNotFoundException">No such product.</exception>
    /// <exception cref="PolarValidationException">A benefit does not exist, belongs to another organization or is not selectable.</exception>
    public Task<Product> UpdateBenefitsAsync(
        string id, ProductBenefitsUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<ProductBenefitsUpdate, Product>(
            HttpMethod.Post, $"{ItemPath(id)}/benefits", body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>Sets the benefits a product grants, in display order (see <see cref="UpdateBenefitsAsync"/>). Retried.</summary>
    /// <param name="id">The product id.</param>
    /// <param name="benefitIds">Every benefit id the product should grant; empty removes all.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The product with its new benefits.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> or one of the benefit ids is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="benefitIds"/> is null.</exception>
    /// <exception cref="PolarException">The call failed (see <see cref="UpdateBenefitsAsync"/>).</exception>
    public Task<Product> SetBenefitsAsync(
        string id, IEnumerable<string> benefitIds, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(benefitIds);
        var ids = benefitIds.ToList();
        if (ids.Exists(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Benefit ids must not be null or empty.", nameof(benefitIds));
        }

        return UpdateBenefitsAsync(id, new ProductBenefitsUpdate { Benefits = ids }, requestOptions, cancellationToken);
    }
}
