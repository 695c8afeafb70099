using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Discounts and discount codes: <c>/v1/discounts/</c>.</summary>
public sealed partial class DiscountsService
{
    internal DiscountsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
