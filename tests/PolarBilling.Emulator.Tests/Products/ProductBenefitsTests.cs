using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Products;

public sealed class ProductBenefitsTests : EmulatorTest
{
    [Fact]
    public async Task Benefits_are_set_in_the_given_order_and_embedded()
    {
        var ct = TestContext.Current.CancellationToken;
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var support = await Polar.Benefits.CreateCustomAsync("Priority support", "Mail us", cancellationToken: ct);
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        TakeWebhooks();

        var updated = await Polar.Products.SetBenefitsAsync(product.Id, [support.Id, flag.Id], cancellationToken: ct);

        Assert.Equal([support.Id, flag.Id], updated.Benefits.Select(b => b.Id).ToArray());
        Assert.Equal("Mail us", Assert.IsType<BenefitCustom>(updated.Benefits[0]).Properties.Note);
        var sent = (ProductUpdatedWebhookEvent)Assert.Single(AssertWebhooks("product.updated"));
        Assert.Equal(2, sent.Data.Benefits.Count);
    }

    [Fact]
    public async Task An_unknown_benefit_is_refused_at_its_index()
    {
        var ct = TestContext.Current.CancellationToken;
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);

        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/products/{product.Id}/benefits", $$"""{"benefits": ["{{flag.Id}}", "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]}""");

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","benefits",1]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Benefit does not exist.", (string?)issue["msg"]);
        Assert.Empty((await Polar.Products.GetAsync(product.Id, cancellationToken: ct)).Benefits);
    }

    [Fact]
    public async Task Subscribers_get_added_benefits_and_lose_removed_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var support = await Polar.Benefits.CreateCustomAsync("Priority support", cancellationToken: ct);
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        await Polar.Products.SetBenefitsAsync(product.Id, [flag.Id], cancellationToken: ct);
        var subscription = CatalogSetup.Subscribe(Emulator, product.Id, "ada@example.com");
        TakeWebhooks();

        await Polar.Products.SetBenefitsAsync(product.Id, [support.Id], cancellationToken: ct);

        var events = AssertWebhooks("product.updated", "benefit_grant.revoked", "customer.state_changed", "benefit_grant.created", "customer.state_changed");
        Assert.Equal(flag.Id, ((BenefitGrantRevokedWebhookEvent)events[1]).Data.BenefitId);
        Assert.Equal(support.Id, ((BenefitGrantCreatedWebhookEvent)events[3]).Data.BenefitId);
        Assert.Equal(subscription.Id, ((BenefitGrantCreatedWebhookEvent)events[3]).Data.SubscriptionId);
    }

    [Fact]
    public async Task The_same_benefits_again_change_no_grant()
    {
        var ct = TestContext.Current.CancellationToken;
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        await Polar.Products.SetBenefitsAsync(product.Id, [flag.Id], cancellationToken: ct);
        CatalogSetup.Subscribe(Emulator, product.Id, "ada@example.com");
        TakeWebhooks();

        await Polar.Products.SetBenefitsAsync(product.Id, [flag.Id], cancellationToken: ct);

        AssertWebhooks("product.updated");
    }
}
