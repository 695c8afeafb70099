using PolarBilling.Client;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Tests.Meters;

/// <summary>What usage tests need: meters, customers and events through the client, subscriptions straight in the state.</summary>
internal static class UsageSetup
{
    public static Task<Meter> CreateMeterAsync(PolarClient polar, string name, Filter filter, MeterAggregation aggregation) =>
        polar.Meters.CreateAsync(new MeterCreate { Name = name, Filter = filter, Aggregation = aggregation }, cancellationToken: Xunit.TestContext.Current.CancellationToken);

    public static Task<Meter> CreateCountMeterAsync(PolarClient polar, string eventName) =>
        CreateMeterAsync(polar, eventName + " meter", MeterFilters.EventName(eventName), MeterAggregations.Count());

    public static Task<Customer> CreateCustomerAsync(PolarClient polar, string email, string? externalId = null) =>
        polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = email, ExternalId = externalId }, cancellationToken: Xunit.TestContext.Current.CancellationToken);

    /// <summary>An event for a customer by Polar id with the given metadata.</summary>
    public static EventCreateCustomer Event(string customerId, string name, DateTimeOffset? timestamp = null, string? externalId = null, params (string Key, object Value)[] metadata)
    {
        var item = new EventCreateCustomer { CustomerId = customerId, Name = name, Timestamp = timestamp, ExternalId = externalId };
        if (metadata.Length > 0)
        {
            var json = new System.Text.Json.Nodes.JsonObject();
            foreach (var (key, value) in metadata)
            {
                json[key] = System.Text.Json.Nodes.JsonValue.Create(value);
            }

            item.Metadata = Client.Serialization.PolarJson.Deserialize<EventMetadataInput>(json.ToJsonString());
        }

        return item;
    }

    public static Task<EventsIngestResponse> IngestAsync(PolarClient polar, params EventCreate[] events) =>
        polar.Events.IngestAsync(events, cancellationToken: Xunit.TestContext.Current.CancellationToken);

    /// <summary>An active monthly subscription of <paramref name="customerId"/> to a new product, started as a checkout would.</summary>
    public static async Task<Subscription> SubscribeAsync(PolarEmulator emulator, PolarClient polar, string customerId, IReadOnlyList<string>? benefitIds = null, params ProductPriceCreate[] extraPrices)
    {
        var product = await polar.Products.CreateAsync(new ProductCreateRecurring
        {
            Name = "Pro plan",
            RecurringInterval = RecurringInterval.Month,
            Prices = [new ProductPriceFixedCreate { PriceAmount = 1000 }, .. extraPrices],
        }, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        if (benefitIds is { Count: > 0 })
        {
            await polar.Products.SetBenefitsAsync(product.Id, benefitIds, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        }

        var state = emulator.State;
        lock (state.Gate)
        {
            var customer = CustomerEngine.Get(state, customerId);
            var stored = state.Products.Get(product.Id);
            return SubscriptionEngine.Start(state, new SubscriptionStart(customer, stored, stored.Prices, null, null, null, null, null));
        }
    }
}
