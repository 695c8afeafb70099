using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Usage events: ingest and list: <c>/v1/events/</c>.</summary>
public sealed partial class EventsService
{
    internal EventsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
