using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Subscriptions: create (free products), every update, cancel and revoke: <c>/v1/subscriptions/</c>.</summary>
public sealed partial class SubscriptionsService
{
    internal SubscriptionsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
