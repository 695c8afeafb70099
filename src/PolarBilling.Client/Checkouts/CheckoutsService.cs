using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Checkout sessions, including the unauthenticated client calls: <c>/v1/checkouts/</c>.</summary>
public sealed partial class CheckoutsService
{
    internal CheckoutsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
