using System.Collections.Frozen;
using PolarBilling.Client;
using PolarBilling.Plans;

namespace PolarBilling.Usage.Sync;

/// <summary>Turns a usage window into its Polar event: the meter's event name, the user as external customer, a deterministic external id.</summary>
internal sealed class UsageEvents(BillingPlanCatalog catalog)
{
    // The catalog requires one EventName per meter key across plans; a meter no plan lists is sent under its key.
    private readonly FrozenDictionary<string, string> _eventNames = catalog.Plans
        .SelectMany(p => p.Meters.Values)
        .GroupBy(m => m.Meter, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().EventName, StringComparer.Ordinal);

    public string EventNameOf(string meter) => _eventNames.GetValueOrDefault(meter, meter);

    public EventCreate ToEvent(UsageWindow window) => new EventCreateExternalCustomer
    {
        ExternalCustomerId = window.UserId,
        Name = EventNameOf(window.Meter),
        ExternalId = window.ExternalId,
        Timestamp = window.WindowStart,
        Metadata = EventMetadata.From([new(Provisioning.MeteredPlanProvisioner.QuantityProperty, window.Quantity)]),
    };
}
