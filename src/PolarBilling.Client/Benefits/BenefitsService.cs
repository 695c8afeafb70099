using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Benefits granted with products: <c>/v1/benefits/</c>.</summary>
public sealed partial class BenefitsService
{
    internal BenefitsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
