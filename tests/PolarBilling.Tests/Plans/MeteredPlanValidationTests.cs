using PolarBilling.Plans;
using Xunit;

namespace PolarBilling.Tests.Plans;

public sealed class MeteredPlanValidationTests
{
    private static Dictionary<string, BillingPlanOptions> Plans(Action<MeteredComponentOptions> change, string key = "api", Action<BillingPlanOptions>? plan = null)
    {
        var api = new BillingPlanOptions { ProductId = "prod_api", Price = 4900 };
        var component = new MeteredComponentOptions { Name = "API calls", Included = 10_000, UnitPrice = 1m };
        change(component);
        api.Meters["api_calls"] = component;
        plan?.Invoke(api);
        return new Dictionary<string, BillingPlanOptions> { [key] = api };
    }

    [Fact]
    public void A_valid_metered_plan_builds_with_its_component()
    {
        var catalog = BillingPlanCatalog.Create(Plans(_ => { }));

        var component = catalog.Find("api")!.Meters["api_calls"];
        Assert.Equal(("API calls", 10_000L, 1m, "count", "api_calls"), (component.Name, component.Included, component.UnitPrice, component.Aggregation, component.EventName));
    }

    [Theory]
    [InlineData("Polar:Plans:api:Meters:api_calls:UnitPrice must not be negative")]
    [InlineData("Polar:Plans:api:Meters:api_calls:Included must not be negative")]
    [InlineData("Polar:Plans:api:Meters:api_calls:Aggregation 'max' is not supported")]
    [InlineData("Polar:Plans:api:Meters:api_calls:CapAmount must not be negative")]
    public void A_bad_component_is_reported_with_its_config_key(string expected)
    {
        var plans = Plans(c =>
        {
            switch (expected.Split(':')[5].Split(' ')[0])
            {
                case "UnitPrice": c.UnitPrice = -1m; break;
                case "Included": c.Included = -5; break;
                case "Aggregation": c.Aggregation = "max"; break;
                default: c.CapAmount = -100; break;
            }
        });

        var problem = Assert.Single(BillingPlanCatalog.Validate(plans));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meter_must_have_one_event_name_in_every_plan()
    {
        var plans = Plans(c => c.EventName = "api_call");
        var bigger = new BillingPlanOptions { ProductId = "prod_big", Price = 9900 };
        bigger.Meters["api_calls"] = new MeteredComponentOptions { Included = 100_000, UnitPrice = 0.5m, EventName = "api_request" };
        plans["big"] = bigger;

        var problem = Assert.Single(BillingPlanCatalog.Validate(plans));

        Assert.Contains("Meters:api_calls:EventName 'api_request' differs from plan 'api' ('api_call')", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Meters_on_a_one_time_product_are_refused()
    {
        var problem = Assert.Single(BillingPlanCatalog.Validate(Plans(_ => { }, plan: p => p.OneTime = true)));

        Assert.StartsWith("Polar:Plans:api:Meters is set on a one-time product", problem, StringComparison.Ordinal);
    }
}
