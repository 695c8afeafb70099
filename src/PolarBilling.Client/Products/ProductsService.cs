using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Products and their prices: <c>/v1/products/</c>.</summary>
public sealed partial class ProductsService
{
    internal ProductsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
