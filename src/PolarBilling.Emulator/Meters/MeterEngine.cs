using PolarBilling.Client;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Meters;

/// <summary>
/// Usage arithmetic shared by meters, customer meters, customer state and metered billing: which events a meter
/// counts and what they add up to. Call under <see cref="EmulatorState.Gate"/>.
/// </summary>
internal static class MeterEngine
{
    /// <summary>
    /// The meter's aggregation over the customer's matching events with <c>start &lt;= timestamp &lt; end</c>; 0 when
    /// none match. Events count for a customer by <c>customer_id</c> or by <c>external_customer_id</c> equal to the
    /// customer's external id, as Polar's event queries join them.
    /// </summary>
    public static double Quantity(EmulatorState state, Meter meter, string customerId, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(meter);
        var customer = state.Customers.Find(customerId);
        var events = MatchingEvents(state, meter)
            .Where(e => e.Timestamp >= start && e.Timestamp < end && BelongsTo(e, customerId, customer?.ExternalId));
        return MeterAggregator.Aggregate(meter.Aggregation, events) ?? 0;
    }

    /// <summary>The aggregation over any set of already-matched events; 0 when there are none.</summary>
    public static double Aggregate(Meter meter, IEnumerable<Event> events) =>
        MeterAggregator.Aggregate(meter.Aggregation, events) ?? 0;

    /// <summary>Every event of the organization that the meter counts: its filter and its aggregation's condition.</summary>
    public static IEnumerable<Event> MatchingEvents(EmulatorState state, Meter meter) =>
        state.Events.All.Where(e => Matches(meter, e));

    /// <summary>Whether the meter counts <paramref name="item"/> (Polar's <c>get_meter_clause</c>).</summary>
    public static bool Matches(Meter meter, Event item) =>
        MeterFilterEvaluator.Matches(meter.Filter, item) && MeterAggregator.Accepts(meter.Aggregation, item);

    /// <summary>Whether the event was sent for the customer: by id, or by the customer's external id.</summary>
    public static bool BelongsTo(Event item, string customerId, string? externalId) =>
        string.Equals(item.CustomerId, customerId, StringComparison.Ordinal)
        || (externalId is not null && string.Equals(item.ExternalCustomerId, externalId, StringComparison.Ordinal));
}
