using PolarBilling.Client;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Records the system events Polar's services create next to billing changes (<c>build_system_event</c>): they show in
/// <c>GET /v1/events/</c> with <c>source: system</c>, and <c>meter.credited</c> feeds customer meter balances.
/// </summary>
internal static class SystemEventLog
{
    /// <summary>Stamps <paramref name="systemEvent"/> (id, time, organization, customer) and stores it.</summary>
    public static T Record<T>(EmulatorState state, T systemEvent, string customerId)
        where T : SystemEvent
    {
        var customer = state.Customers.Find(customerId);
        systemEvent.Id = PolarTokens.NewId();
        systemEvent.Timestamp = state.Now;
        systemEvent.OrganizationId = state.Organization.Id;
        systemEvent.CustomerId = customerId;
        systemEvent.Customer = customer;
        systemEvent.ExternalCustomerId = customer?.ExternalId;

        // Polar labels an event with its event type's label; system types are labelled by their name here (approximation).
        systemEvent.Label = EventProperties.Name(systemEvent);
        state.Events.Add(systemEvent);
        return systemEvent;
    }
}
