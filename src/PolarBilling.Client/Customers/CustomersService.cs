using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Customers by Polar id or by your external id, and their state: <c>/v1/customers/</c>.</summary>
public sealed partial class CustomersService
{
    internal CustomersService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
