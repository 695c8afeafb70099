using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerMeters;

/// <summary>Customer meters by id, found by customer and meter; their embedded customer and meter are set when answered.</summary>
internal sealed class CustomerMeterStore : EntityStore<CustomerMeter>
{
    public CustomerMeterStore()
        : base("customer_meters", m => m.Id)
    {
    }

    public CustomerMeter? Find(string customerId, string meterId) =>
        All.FirstOrDefault(m => m.CustomerId == customerId && m.MeterId == meterId);
}
