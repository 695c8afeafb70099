using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Benefit grants across customers: <c>/v1/benefit-grants/</c>.</summary>
public sealed partial class BenefitGrantsService
{
    internal BenefitGrantsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
