using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerMeters;

/// <summary>
/// Polar's customer meters API (<c>/v1/customer-meters/</c>, server <c>customer_meter/service.py</c>): each customer's
/// consumed and credited units and balance per meter, current when read. Archived meters are left out of the list
/// unless asked for by <c>meter_id</c>; deleted customers' meters are not found.
/// </summary>
internal static class CustomerMetersApi
{
    private static readonly SortKeys<CustomerMeter> Sort = new SortKeys<CustomerMeter>(m => m.Id)
        .Add("created_at", m => m.CreatedAt)
        .Add("modified_at", m => m.ModifiedAt ?? m.CreatedAt)
        .Add("customer_id", m => m.CustomerId)
        .Add("customer_name", m => m.Customer.Name)
        .Add("meter_id", m => m.MeterId)
        .Add("meter_name", m => m.Meter.Name)
        .Add("consumed_units", m => m.ConsumedUnits)
        .Add("credited_units", m => m.CreditedUnits)
        .Add("balance", m => m.Balance);

    public static IEndpointRouteBuilder MapCustomerMetersApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/customer-meters/", List).WithPolarOperation("customer_meters:list");
        v1.MapGet("/customer-meters/{id}", Get).WithPolarOperation("customer_meters:get");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var customerIds = q.Strings("customer_id");
        var externalIds = q.Strings("external_customer_id");
        var meterIds = q.Strings("meter_id");
        lock (state.Gate)
        {
            var matching = CustomerMeterEngine.All(state).Where(m =>
                (customerIds.Count == 0 || customerIds.Contains(m.CustomerId))
                && (externalIds.Count == 0 || (m.Customer.ExternalId is { } external && externalIds.Contains(external)))
                && (meterIds.Count > 0 ? meterIds.Contains(m.MeterId) : m.Meter.ArchivedAt is null));
            return q.Answer(matching, Sort, "-modified_at");
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var stored = state.CustomerMeters.Get(id);
            var customer = state.Customers.Find(stored.CustomerId);
            var meter = state.Meters.Find(stored.MeterId);
            if (customer is null || customer.DeletedAt is not null || meter is null)
            {
                throw Problems.NotFound();
            }

            return ApiResults.Json(CustomerMeterEngine.Current(state, customer, meter) ?? stored);
        }
    }
}
