using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Customer portal sessions: <c>/v1/customer-sessions/</c>.</summary>
public sealed partial class CustomerSessionsService
{
    internal CustomerSessionsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
