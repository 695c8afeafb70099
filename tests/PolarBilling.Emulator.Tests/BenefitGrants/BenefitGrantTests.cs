using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Subscriptions;
using Xunit;

namespace PolarBilling.Emulator.Tests.BenefitGrants;

/// <summary>Benefits granted with the subscription, swapped with its product, cycled with its periods and revoked with it.</summary>
public sealed class BenefitGrantTests : SubscriptionTest
{
    [Fact]
    public async Task Subscribing_grants_each_benefit_with_its_properties_after_the_order()
    {
        var meter = await CountingMeterAsync("api");
        var flag = await FeatureFlagAsync();
        var custom = await CustomBenefitAsync();
        var credits = await MeterCreditAsync(meter, 100);
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), flag, custom, credits);

        var subscription = await SubscribeAsync(product);

        var grants = (await Polar.BenefitGrants.ListAsync(new BenefitGrantListOptions { CustomerId = [subscription.CustomerId] }, cancellationToken: Cancel)).Items;
        Assert.Equal(3, grants.Count);
        Assert.All(grants, g =>
        {
            Assert.True(g.IsGranted);
            Assert.Equal(Start, g.GrantedAt);
            Assert.Equal(subscription.Id, g.SubscriptionId);
            Assert.Null(g.OrderId);
        });
        var credit = grants.Single(g => g.BenefitId == credits.Id);
        var properties = Client.Serialization.PolarJson.Serialize(credit.Properties);
        Assert.Contains($"\"last_credited_meter_id\":\"{meter.Id}\"", properties, StringComparison.Ordinal);
        Assert.Contains("\"last_credited_units\":100", properties, StringComparison.Ordinal);
        lock (Emulator.State.Gate)
        {
            var credited = Assert.Single(Emulator.State.Events.All.OfType<MeterCreditEvent>());
            Assert.Equal(100, credited.Metadata.Units);
            Assert.Equal(subscription.CustomerId, credited.CustomerId);
        }

        var state = await Polar.Customers.GetStateAsync(subscription.CustomerId, cancellationToken: Cancel);
        Assert.Equal(3, state.GrantedBenefits.Count);
    }

    [Fact]
    public async Task The_grant_webhooks_follow_the_checkout_each_with_customer_state()
    {
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync(), await CustomBenefitAsync());
        var checkout = await Polar.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [product.Id], CustomerEmail = "ada@example.com" }, cancellationToken: Cancel);
        TakeWebhooks();

        await SendAsync(HttpMethod.Post, $"/emulator/checkouts/{checkout.Id}/complete", "{}");

        var types = TakeWebhooks().Select(e => e.Type).ToList();
        Assert.Equal(
            ["benefit_grant.created", "customer.state_changed", "benefit_grant.created", "customer.state_changed"],
            types.Skip(types.IndexOf("benefit_grant.created")));
    }

    [Fact]
    public async Task Changing_product_revokes_the_old_benefits_and_grants_the_new_ones()
    {
        var basicFlag = await FeatureFlagAsync("Basic feature");
        var proFlag = await FeatureFlagAsync("Pro feature");
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), basicFlag));
        var pro = await WithBenefitsAsync(await MonthlyAsync("Pro", 9900), proFlag);
        TakeWebhooks();

        await Polar.Subscriptions.ChangeProductAsync(subscription.Id, pro.Id, SubscriptionProrationBehavior.Prorate, cancellationToken: Cancel);

        var events = AssertWebhooks(
            "subscription.updated", "customer.state_changed",
            "benefit_grant.revoked", "customer.state_changed", "benefit_grant.created", "customer.state_changed");
        Assert.Equal(basicFlag.Id, ((BenefitGrantRevokedWebhookEvent)events[2]).Data.BenefitId);
        Assert.Equal(proFlag.Id, ((BenefitGrantCreatedWebhookEvent)events[4]).Data.BenefitId);
    }

    [Fact]
    public async Task A_renewal_cycles_meter_credits_resetting_the_meter_and_crediting_again()
    {
        var meter = await CountingMeterAsync("api");
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await MeterCreditAsync(meter, 100)));
        MoveTo(Start.AddDays(30));

        await RenewAsync(subscription.Id);

        var cycled = (BenefitGrantCycledWebhookEvent)TakeWebhooks().Single(e => e.Type == "benefit_grant.cycled");
        var data = ReparsedByType(cycled);
        Assert.Equal(100, data.Properties.LastCreditedUnits);
        Assert.NotNull(data.PreviousProperties);
        Assert.NotEqual(data.Properties.LastCreditedAt, data.PreviousProperties.LastCreditedAt);
        lock (Emulator.State.Gate)
        {
            Assert.Single(Emulator.State.Events.All.OfType<MeterResetEvent>());
            Assert.Equal(2, Emulator.State.Events.All.OfType<MeterCreditEvent>().Count());
        }
    }

    [Fact]
    public async Task Revoking_a_meter_credit_takes_the_credited_units_back()
    {
        var meter = await CountingMeterAsync("api");
        var subscription = await SubscribeAsync(await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await MeterCreditAsync(meter, 100)));

        await Polar.Subscriptions.RevokeAsync(subscription.Id, cancellationToken: Cancel);

        lock (Emulator.State.Gate)
        {
            Assert.Equal([100L, -100L], Emulator.State.Events.All.OfType<MeterCreditEvent>().Select(e => e.Metadata.Units));
        }

        var grant = Assert.Single((await Polar.BenefitGrants.ListAsync(new BenefitGrantListOptions { IsGranted = false }, cancellationToken: Cancel)).Items);
        Assert.True(grant.IsRevoked);
        Assert.Equal(Start, grant.RevokedAt);
        Assert.Null(grant.GrantedAt);
    }

    // The client's structural union cannot tell grant webhook members apart (same keys); read it by the benefit type.
    private static BenefitGrantMeterCreditWebhook ReparsedByType(BenefitGrantCycledWebhookEvent cycled)
    {
        var data = System.Text.Json.JsonDocument.Parse(cycled.RawJson).RootElement.GetProperty("data").GetRawText();
        return Client.Serialization.PolarJson.Deserialize<BenefitGrantMeterCreditWebhook>(data);
    }
}
