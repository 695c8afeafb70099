namespace PolarBilling.Client;

/// <summary>Helpers for building a product's price list on update.</summary>
public static class ProductPriceExtensions
{
    /// <summary>
    /// The product's active (not archived) prices as <see cref="ExistingProductPrice"/> entries, in order: start a
    /// <see cref="ProductUpdate.Prices"/> list from this to keep them, since any price left out is archived.
    /// </summary>
    /// <param name="product">A product read from Polar.</param>
    /// <returns>A new, mutable list; add or remove entries before sending it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="product"/> is null.</exception>
    public static List<ProductPriceCreate> ToExistingPrices(this Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return product.Prices
            .Where(price => !price.IsArchived)
            .Select(ProductPriceCreate (price) => new ExistingProductPrice { Id = price.Id })
            .ToList();
    }
}
