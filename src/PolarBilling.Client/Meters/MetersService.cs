using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Usage meters and their quantities: <c>/v1/meters/</c>.</summary>
public sealed partial class MetersService
{
    internal MetersService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
