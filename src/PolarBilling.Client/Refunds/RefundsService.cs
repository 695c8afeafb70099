using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Refunds of orders: <c>/v1/refunds/</c>.</summary>
public sealed partial class RefundsService
{
    internal RefundsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
