using PolarBilling.Client;
using PolarBilling.Emulator;
using PolarBilling.Plans;
using PolarBilling.Usage.Provisioning;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage.Pipeline;

/// <summary>The provisioning helper against the emulator: what it creates, and that a second run creates nothing.</summary>
public sealed class MeteredPlanProvisionerTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creates_meter_credit_benefit_and_product_with_fixed_and_metered_prices()
    {
        await using var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { RateLimitPerMinute = 0 }, Ct);
        using var polar = new PolarClient(emulator.CreateClientOptions());

        var provisioned = await MeteredPlanProvisioner.EnsureAsync(polar, "api", ApiPlan(), Ct);

        var meter = await polar.Meters.GetAsync(provisioned.MeterIds["api_calls"], cancellationToken: Ct);
        Assert.Equal("API calls", meter.Name);
        var clause = Assert.IsType<FilterClause>(Assert.Single(meter.Filter.Clauses));
        Assert.Equal(("name", "api_calls"), (clause.Property, clause.Value.ToString()));
        var sum = Assert.IsType<PropertyAggregation>(meter.Aggregation);
        Assert.Equal(("sum", "quantity"), (sum.Func, sum.Property));

        var product = await polar.Products.GetAsync(provisioned.ProductId, cancellationToken: Ct);
        Assert.Equal(RecurringInterval.Month, product.RecurringInterval);
        Assert.Equal(4900, Assert.Single(product.Prices.OfType<ProductPriceFixed>()).PriceAmount);
        var metered = Assert.Single(product.Prices.OfType<ProductPriceMeteredUnit>());
        Assert.Equal((meter.Id, 1m, (long?)null), (metered.MeterId, metered.UnitAmount, metered.CapAmount));

        var credit = Assert.IsType<BenefitMeterCredit>(Assert.Single(product.Benefits));
        Assert.Equal(provisioned.BenefitIds["api_calls"], credit.Id);
        Assert.Equal((10_000L, false, meter.Id), (credit.Properties.Units, credit.Properties.Rollover, credit.Properties.MeterId));
        Assert.Equal("10,000 calls per month", credit.Description);
    }

    [Fact]
    public async Task Running_twice_returns_the_same_ids_and_duplicates_nothing()
    {
        await using var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { RateLimitPerMinute = 0 }, Ct);
        using var polar = new PolarClient(emulator.CreateClientOptions());

        var first = await MeteredPlanProvisioner.EnsureAsync(polar, "api", ApiPlan(), Ct);
        var pro = await MeteredPlanProvisioner.EnsureAsync(polar, "pro", new BillingPlanOptions { Name = "Pro", Price = 2900, TrialDays = 14 }, Ct);
        var second = await MeteredPlanProvisioner.EnsureAsync(polar, "api", ApiPlan(), Ct);
        var proAgain = await MeteredPlanProvisioner.EnsureAsync(polar, "pro", new BillingPlanOptions { Name = "Pro", Price = 2900, TrialDays = 14 }, Ct);

        Assert.Equal(first.ProductId, second.ProductId);
        Assert.Equal(first.MeterIds, second.MeterIds);
        Assert.Equal(first.BenefitIds, second.BenefitIds);
        Assert.Equal(pro.ProductId, proAgain.ProductId);
        Assert.NotEqual(first.ProductId, pro.ProductId);
        Assert.Empty(pro.MeterIds);

        Assert.Equal(2, await CountAsync(polar.Products.ListAutoPagingAsync(cancellationToken: Ct)));
        Assert.Equal(1, await CountAsync(polar.Meters.ListAutoPagingAsync(cancellationToken: Ct)));
        Assert.Equal(1, await CountAsync(polar.Benefits.ListAutoPagingAsync(cancellationToken: Ct)));
        var product = await polar.Products.GetAsync(first.ProductId, cancellationToken: Ct);
        Assert.Equal(2, product.Prices.Count(p => !p.IsArchived));
        Assert.Single(product.Benefits);
        var proProduct = await polar.Products.GetAsync(pro.ProductId, cancellationToken: Ct);
        Assert.Equal((TrialInterval.Day, 14L), (proProduct.TrialInterval, proProduct.TrialIntervalCount));
        Assert.Single(proProduct.Prices);
    }

    [Fact]
    public async Task A_window_event_with_a_quantity_adds_that_quantity_to_the_meter()
    {
        await using var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { RateLimitPerMinute = 0 }, Ct);
        using var polar = new PolarClient(emulator.CreateClientOptions());
        var provisioned = await MeteredPlanProvisioner.EnsureAsync(polar, "api", ApiPlan(), Ct);
        await polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "meter@example.com", ExternalId = "user-1" }, cancellationToken: Ct);
        var at = emulator.Now.AddMinutes(-10);

        await polar.Events.IngestAsync(
        [
            new EventCreateExternalCustomer { ExternalCustomerId = "user-1", Name = "api_calls", ExternalId = "w1", Timestamp = at, Metadata = EventMetadata.From([new("quantity", 1200L)]) },
            new EventCreateExternalCustomer { ExternalCustomerId = "user-1", Name = "api_calls", ExternalId = "w2", Timestamp = at, Metadata = EventMetadata.From([new("quantity", 34L)]) },
            new EventCreateExternalCustomer { ExternalCustomerId = "user-1", Name = "other", ExternalId = "w3", Timestamp = at, Metadata = EventMetadata.From([new("quantity", 99L)]) },
        ], cancellationToken: Ct);

        var total = await polar.Meters.GetTotalForExternalCustomerAsync(provisioned.MeterIds["api_calls"], "user-1", at.AddHours(-1), emulator.Now, cancellationToken: Ct);
        Assert.Equal(1234d, total);
    }

    private static BillingPlanOptions ApiPlan() => UsagePipelineHost.ApiPlan();

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }
}
