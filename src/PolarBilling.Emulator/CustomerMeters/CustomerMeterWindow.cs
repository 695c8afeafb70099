using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.Meters;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerMeters;

/// <summary>
/// One customer's usage of one meter in the current window, as Polar's customer meter service computes it
/// (server <c>customer_meter/service.py</c>): the window opens at the customer's latest <c>meter.reset</c> system event
/// for the meter (Polar records one when a subscription starts or cycles); consumed units are the meter's aggregation
/// over the customer's user events ingested since then; credited units the non-negative running sum of
/// <c>meter.credited</c> events since then; balance = credited − consumed.
/// </summary>
internal sealed record CustomerMeterWindow(double ConsumedUnits, long CreditedUnits, bool HasActivity)
{
    public double Balance => CreditedUnits - ConsumedUnits;

    public static CustomerMeterWindow Compute(EmulatorState state, Customer customer, Meter meter)
    {
        var events = state.Events;
        var windowStart = WindowStart(state, events, customer, meter);
        var inWindow = events.All.Where(e => windowStart is null || events.IngestedAt(e) >= windowStart).ToList();

        var usage = inWindow.Where(e => e is UserEvent && MeterEngine.BelongsTo(e, customer.Id, customer.ExternalId) && MeterEngine.Matches(meter, e)).ToList();
        var credits = inWindow.Where(e => IsSystem(e, customer, meter, "meter.credited")).OrderBy(e => e.Timestamp).ToList();
        long credited;
        if (credits.Count > 0 || events.All.Any(e => IsSystem(e, customer, meter, "meter.credited")))
        {
            credited = NonNegativeRunningSum(credits.Select(e => EventProperties.Metadata(e, "units") is { ValueKind: JsonValueKind.Number } units ? units.GetInt64() : 0));
        }
        else
        {
            // Approximation: when no meter.credited event was recorded for the grant (the benefit engine did not call
            // SystemEvents.MeterCredited), the granted meter_credit benefits on this meter are the credit.
            credited = GrantedCredits(state, customer, meter);
        }

        var hasActivity = usage.Count > 0 || credited != 0 || events.All.Any(e => IsSystem(e, customer, meter, "meter.reset"))
            || SubscribedMeterIds(state, customer).Contains(meter.Id) || HasCreditGrant(state, customer, meter);
        return new CustomerMeterWindow(MeterEngine.Aggregate(meter, usage), credited, hasActivity);
    }

    /// <summary>Meter ids of the customer's active or trialing subscriptions.</summary>
    public static HashSet<string> SubscribedMeterIds(EmulatorState state, Customer customer) =>
        ActiveSubscriptions(state, customer).SelectMany(s => s.Meters.Select(m => m.MeterId)).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<Subscription> ActiveSubscriptions(EmulatorState state, Customer customer) =>
        state.Subscriptions.ForCustomer(customer.Id).Where(s => s.CustomerId == customer.Id && (s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Trialing));

    private static DateTimeOffset? WindowStart(EmulatorState state, EventStore events, Customer customer, Meter meter)
    {
        var reset = events.All.Where(e => IsSystem(e, customer, meter, "meter.reset")).Select(events.IngestedAt).DefaultIfEmpty().Max();
        if (reset != default)
        {
            return reset;
        }

        // Approximation: without a recorded meter.reset, a subscription billing this meter starts the window at its
        // current period start, which is where Polar's reset on creation/cycle would have put it.
        return ActiveSubscriptions(state, customer).Where(s => s.Meters.Any(m => m.MeterId == meter.Id))
            .Select(s => (DateTimeOffset?)s.CurrentPeriodStart).Max();
    }

    private static bool IsSystem(Event item, Customer customer, Meter meter, string name) =>
        item is not UserEvent && item.CustomerId == customer.Id && EventProperties.Name(item) == name
        && EventProperties.Metadata(item, "meter_id") is { ValueKind: JsonValueKind.String } id && id.GetString() == meter.Id;

    private static long GrantedCredits(EmulatorState state, Customer customer, Meter meter) =>
        CreditGrants(state, customer, meter).Sum(b => b.Properties.Units);

    private static bool HasCreditGrant(EmulatorState state, Customer customer, Meter meter) => CreditGrants(state, customer, meter).Any();

    private static IEnumerable<BenefitMeterCredit> CreditGrants(EmulatorState state, Customer customer, Meter meter) =>
        state.BenefitGrants.ForCustomer(customer.Id).Where(g => g.CustomerId == customer.Id && g.IsGranted)
            .Select(g => state.Benefits.Find(g.BenefitId) ?? g.Benefit)
            .OfType<BenefitMeterCredit>()
            .Where(b => b.Properties.MeterId == meter.Id);

    private static long NonNegativeRunningSum(IEnumerable<long> values)
    {
        long total = 0;
        foreach (var value in values)
        {
            total = Math.Max(0, total + value);
        }

        return total;
    }
}
