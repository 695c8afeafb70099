using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Meters;
using Xunit;

namespace PolarBilling.Emulator.Tests.Customers;

public sealed class CustomerStateTests : EmulatorTest
{
    [Fact]
    public async Task The_state_lists_active_subscriptions_granted_benefits_and_meters()
    {
        var benefit = await Polar.Benefits.CreateAsync(new BenefitFeatureFlagCreate { Description = "Beta access", Properties = new BenefitFeatureFlagCreateProperties() }, cancellationToken: TestContext.Current.CancellationToken);
        var meter = await UsageSetup.CreateCountMeterAsync(Polar, "api_call");
        var customer = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_1");
        var subscription = await UsageSetup.SubscribeAsync(Emulator, Polar, customer.Id, [benefit.Id]);

        await UsageSetup.IngestAsync(Polar, UsageSetup.Event(customer.Id, "api_call"), UsageSetup.Event(customer.Id, "api_call"));

        var state = await Polar.Customers.GetStateAsync(customer.Id, cancellationToken: TestContext.Current.CancellationToken);
        var byExternalId = await Polar.Customers.GetStateByExternalIdAsync("user_1", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(customer.Id, state.Id);
        var active = Assert.Single(state.ActiveSubscriptions);
        Assert.Equal((subscription.Id, "active"), (active.Id, active.Status));
        var granted = Assert.Single(state.GrantedBenefits);
        Assert.Equal((benefit.Id, BenefitType.FeatureFlag), (granted.BenefitId, granted.BenefitType));
        var usage = Assert.Single(state.ActiveMeters);
        Assert.Equal((meter.Id, 2.0, 0L, -2.0), (usage.MeterId, usage.ConsumedUnits, usage.CreditedUnits, usage.Balance));
        Assert.Equal(state.Id, byExternalId.Id);
    }

    [Fact]
    public async Task An_unknown_customers_state_is_a_404()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/customers/{Guid.NewGuid()}/state");
        var (externalStatus, _) = await SendAsync(HttpMethod.Get, "/v1/customers/external/nobody/state");

        Assert.Equal((404, 404), (status, externalStatus));
        Assert.Equal("""{"error":"ResourceNotFound","detail":"Not found"}""", body!.ToJsonString());
    }
}
