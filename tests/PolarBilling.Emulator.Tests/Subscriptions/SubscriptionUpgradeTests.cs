using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Subscriptions;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary>A free subscription upgraded by a paid checkout keeps its id and starts a new cycle on the paid product.</summary>
public sealed class SubscriptionUpgradeTests : SubscriptionTest
{
    [Fact]
    public async Task Upgrading_from_a_checkout_switches_product_restarts_the_cycle_and_swaps_benefits()
    {
        var freeFlag = await FeatureFlagAsync("Free feature");
        var proFlag = await FeatureFlagAsync("Pro feature");
        var free = await WithBenefitsAsync(await MonthlyAsync("Free", 0), freeFlag);
        var pro = await WithBenefitsAsync(await MonthlyAsync("Pro", 9900), proFlag);
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);
        var subscription = await Polar.Subscriptions.CreateAsync(new SubscriptionCreateCustomer { ProductId = free.Id, CustomerId = customer.Id }, cancellationToken: Cancel);
        MoveTo(Start.AddDays(10));
        TakeWebhooks();

        lock (Emulator.State.Gate)
        {
            var state = Emulator.State;
            var stored = state.Subscriptions.Get(subscription.Id);
            var product = state.Products.Get(pro.Id);
            SubscriptionUpgrade.FromCheckout(state, stored, new SubscriptionStart(state.Customers.Get(customer.Id), product, product.Prices, null, null, null, null, null));
        }

        var upgraded = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Equal(pro.Id, upgraded.ProductId);
        Assert.Equal(9900, upgraded.Amount);
        Assert.Equal(Start.AddDays(10), upgraded.CurrentPeriodStart);
        Assert.Equal(Start, upgraded.StartedAt);
        var events = AssertWebhooks(
            "subscription.updated", "customer.state_changed",
            "benefit_grant.revoked", "customer.state_changed", "benefit_grant.created", "customer.state_changed");
        Assert.Equal(freeFlag.Id, ((BenefitGrantRevokedWebhookEvent)events[2]).Data.BenefitId);
        Assert.Equal(proFlag.Id, ((BenefitGrantCreatedWebhookEvent)events[4]).Data.BenefitId);
    }
}
