using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Tests.Products;

/// <summary>What catalog tests need from other areas, set up straight in the state: meters, customers, subscriptions.</summary>
internal static class CatalogSetup
{
    /// <summary>A counting meter of the organization, stored as the meters API would store it.</summary>
    public static Meter AddMeter(PolarEmulator emulator, string name)
    {
        var state = emulator.State;
        lock (state.Gate)
        {
            var meter = PolarJson.Deserialize<Meter>($$"""
                {"id":"{{PolarTokens.NewId()}}","created_at":"{{state.Now:O}}","modified_at":null,"name":"{{name}}",
                 "unit":"scalar","custom_label":null,"custom_multiplier":null,"metadata":{},
                 "filter":{"conjunction":"and","clauses":[{"property":"name","operator":"eq","value":"{{name}}"}]},
                 "aggregation":{"func":"count"},"organization_id":"{{state.Organization.Id}}","archived_at":null}
                """);
            return state.Meters.Add(meter);
        }
    }

    /// <summary>An active subscription of a new customer to <paramref name="productId"/>, started as a checkout would.</summary>
    public static Subscription Subscribe(PolarEmulator emulator, string productId, string email)
    {
        var state = emulator.State;
        lock (state.Gate)
        {
            var customer = CustomerEngine.GetOrCreate(state, null, null, email, null);
            var product = state.Products.Get(productId);
            return SubscriptionEngine.Start(state, new SubscriptionStart(customer, product, product.Prices, null, null, null, null, null));
        }
    }

    /// <summary>A recurring monthly product body with one fixed USD price.</summary>
    public static ProductCreateRecurring Monthly(string name, long amount) => new()
    {
        Name = name,
        RecurringInterval = RecurringInterval.Month,
        Prices = [new ProductPriceFixedCreate { PriceAmount = amount }],
    };

    /// <summary>A one-time product body with one fixed USD price.</summary>
    public static ProductCreateOneTime OneTime(string name, long amount) => new()
    {
        Name = name,
        Prices = [new ProductPriceFixedCreate { PriceAmount = amount }],
    };
}
