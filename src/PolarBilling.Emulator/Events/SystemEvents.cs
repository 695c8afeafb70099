using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Events;

/// <summary>
/// Polar's system events (<c>source: "system"</c>, server <c>event/system.py</c>): Polar records one in the events
/// list when a customer is created, updated or deleted, a subscription starts, cycles or changes, an order is paid, a
/// benefit is granted, and when a meter is reset or credited (which the customer meter balance is built from). Other
/// areas build the typed event (e.g. <see cref="OrderPaidEvent"/> with its metadata) and hand it to
/// <see cref="Record{T}"/>, which fills the common fields. Call under <see cref="EmulatorState.Gate"/>.
/// </summary>
internal static class SystemEvents
{
    /// <summary>Records <paramref name="item"/> for <paramref name="customer"/> at the emulator's current time; returns it.</summary>
    public static T Record<T>(EmulatorState state, T item, Customer customer, string name)
        where T : SystemEvent
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(customer);
        item.Id = PolarTokens.NewId();
        item.Timestamp = state.Now;
        item.OrganizationId = state.Organization.Id;
        item.CustomerId = customer.Id;
        item.Customer = customer;
        item.ExternalCustomerId = customer.ExternalId;
        item.Label = Label(name);
        item.ChildCount = 0;
        state.Events.Ingest(item, null, state.Now);
        return item;
    }

    /// <summary>Polar's label for a system event name: its words capitalized, e.g. <c>Meter Credited</c>.</summary>
    public static string Label(string name) => string.Join(' ', name.Split('.', '_').Where(w => w.Length > 0)
        .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));

    public static void CustomerCreated(EmulatorState state, Customer customer) =>
        Record(state, new CustomerCreatedEvent { Metadata = new CustomerCreatedMetadata { CustomerId = customer.Id, CustomerEmail = CustomerEngine.EmailOf(customer), CustomerName = customer.Name, CustomerExternalId = customer.ExternalId } }, customer, "customer.created");

    public static void CustomerUpdated(EmulatorState state, Customer customer, CustomerUpdatedFields fields) =>
        Record(state, new CustomerUpdatedEvent { Metadata = new CustomerUpdatedMetadata { CustomerId = customer.Id, CustomerEmail = CustomerEngine.EmailOf(customer), CustomerName = customer.Name, CustomerExternalId = customer.ExternalId, UpdatedFields = fields } }, customer, "customer.updated");

    public static void CustomerDeleted(EmulatorState state, Customer customer) =>
        Record(state, new CustomerDeletedEvent { Metadata = new CustomerDeletedMetadata { CustomerId = customer.Id, CustomerEmail = CustomerEngine.EmailOf(customer), CustomerName = customer.Name, CustomerExternalId = customer.ExternalId } }, customer, "customer.deleted");

    /// <summary><c>meter.reset</c>: the customer's meter window starts again (Polar records it when a subscription starts or cycles).</summary>
    public static void MeterReset(EmulatorState state, Customer customer, string meterId) =>
        Record(state, new MeterResetEvent { Metadata = new MeterResetMetadata { MeterId = meterId } }, customer, "meter.reset");

    /// <summary><c>meter.credited</c>: units credited to the customer's meter (a meter_credit benefit grant or cycle, or a rollover).</summary>
    public static void MeterCredited(EmulatorState state, Customer customer, string meterId, long units, bool rollover = false) =>
        Record(state, new MeterCreditEvent { Metadata = new MeterCreditedMetadata { MeterId = meterId, Units = units, Rollover = rollover } }, customer, "meter.credited");

    /// <summary>Resets every meter a subscription bills, as Polar does when the subscription is created or cycles.</summary>
    public static void ResetMeters(EmulatorState state, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        if (state.Customers.Find(subscription.CustomerId) is not { } customer)
        {
            return;
        }

        foreach (var meter in subscription.Meters)
        {
            MeterReset(state, customer, meter.MeterId);
        }
    }
}
