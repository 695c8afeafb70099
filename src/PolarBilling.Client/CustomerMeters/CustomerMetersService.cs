using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Per-customer meter balances: <c>/v1/customer-meters/</c>.</summary>
public sealed partial class CustomerMetersService
{
    internal CustomerMetersService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
