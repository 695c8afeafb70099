using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerMeters;

/// <summary>
/// Keeps one <see cref="CustomerMeter"/> per customer and meter with activity (usage, credits or a subscription
/// billing the meter), ids stable across reads, values brought up to date whenever they are read, as Polar's
/// <c>customer_meter.update_customer</c> job keeps them. Call under <see cref="EmulatorState.Gate"/>.
/// </summary>
internal static class CustomerMeterEngine
{
    /// <summary>The customer's meter for <paramref name="meter"/>, current; <see langword="null"/> while it has no activity.</summary>
    public static CustomerMeter? Current(EmulatorState state, Customer customer, Meter meter)
    {
        ArgumentNullException.ThrowIfNull(state);
        var store = state.CustomerMeters;
        var existing = store.Find(customer.Id, meter.Id);
        var window = CustomerMeterWindow.Compute(state, customer, meter);
        if (existing is null)
        {
            if (!window.HasActivity)
            {
                return null;
            }

            existing = store.Add(new CustomerMeter
            {
                Id = PolarTokens.NewId(),
                CreatedAt = state.Now,
                CustomerId = customer.Id,
                MeterId = meter.Id,
                ConsumedUnits = window.ConsumedUnits,
                CreditedUnits = window.CreditedUnits,
                Balance = window.Balance,
            });
        }
        else if (!existing.ConsumedUnits.Equals(window.ConsumedUnits) || existing.CreditedUnits != window.CreditedUnits)
        {
            existing.ConsumedUnits = window.ConsumedUnits;
            existing.CreditedUnits = window.CreditedUnits;
            existing.Balance = window.Balance;
            existing.ModifiedAt = state.Now;
        }

        existing.Customer = customer;
        existing.Meter = meter;
        return existing;
    }

    /// <summary>The customer's current meters on every meter that is not archived, oldest meter first.</summary>
    public static List<CustomerMeter> ForCustomer(EmulatorState state, Customer customer) =>
        [.. state.Meters.All.Where(m => m.ArchivedAt is null).OrderBy(m => m.CreatedAt)
            .Select(m => Current(state, customer, m)).OfType<CustomerMeter>()];

    /// <summary>Every current customer meter of the organization (deleted customers left out, as Polar's readable statement does).</summary>
    public static List<CustomerMeter> All(EmulatorState state)
    {
        var meters = new List<CustomerMeter>();
        foreach (var customer in state.Customers.All.Where(c => c.DeletedAt is null))
        {
            foreach (var meter in state.Meters.All)
            {
                if (Current(state, customer, meter) is { } current)
                {
                    meters.Add(current);
                }
            }
        }

        return meters;
    }

    /// <summary>Brings every customer meter up to date and tells which customers' values changed (for <c>customer.state_changed</c>).</summary>
    public static HashSet<string> Update(EmulatorState state, IEnumerable<Customer> customers)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var customer in customers)
        {
            foreach (var meter in state.Meters.All.Where(m => m.ArchivedAt is null))
            {
                var before = state.CustomerMeters.Find(customer.Id, meter.Id) is { } m ? (Consumed: m.ConsumedUnits, Credited: m.CreditedUnits) : ((double Consumed, long Credited)?)null;
                var after = Current(state, customer, meter);
                if (after is not null && (before is null || !before.Value.Consumed.Equals(after.ConsumedUnits) || before.Value.Credited != after.CreditedUnits))
                {
                    changed.Add(customer.Id);
                }
            }
        }

        return changed;
    }
}
