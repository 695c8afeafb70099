using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Products;
using Xunit;

namespace PolarBilling.Emulator.Tests.Benefits;

public sealed class BenefitDeletionTests : EmulatorTest
{
    [Fact]
    public async Task A_deleted_benefit_is_gone_from_the_api_and_its_products()
    {
        var ct = TestContext.Current.CancellationToken;
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        await Polar.Products.SetBenefitsAsync(product.Id, [flag.Id], cancellationToken: ct);
        TakeWebhooks();

        var (status, body) = await SendAsync(HttpMethod.Delete, $"/v1/benefits/{flag.Id}");

        Assert.Equal(204, status);
        Assert.Null(body);
        var updated = (BenefitUpdatedWebhookEvent)Assert.Single(AssertWebhooks("benefit.updated"));
        Assert.True(updated.Data.IsDeleted);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/benefits/{flag.Id}")).Status);
        Assert.Empty((await Polar.Benefits.ListAsync(cancellationToken: ct)).Items);
        Assert.Empty((await Polar.Products.GetAsync(product.Id, cancellationToken: ct)).Benefits);
        Assert.Equal(404, (await SendAsync(HttpMethod.Delete, $"/v1/benefits/{flag.Id}")).Status);
    }

    [Fact]
    public async Task Deleting_a_benefit_revokes_its_grants_after_announcing_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        await Polar.Products.SetBenefitsAsync(product.Id, [flag.Id], cancellationToken: ct);
        CatalogSetup.Subscribe(Emulator, product.Id, "ada@example.com");
        TakeWebhooks();

        await Polar.Benefits.DeleteAsync(flag.Id, cancellationToken: ct);

        var events = AssertWebhooks("benefit.updated", "benefit_grant.revoked", "customer.state_changed");
        var revoked = (BenefitGrantRevokedWebhookEvent)events[1];
        Assert.Equal(flag.Id, revoked.Data.BenefitId);
        Assert.True(revoked.Data.IsRevoked);
    }
}
