using PolarBilling.Client;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Products;

/// <summary>Export then import brings back products (with archived prices), benefits, discounts and the organization.</summary>
public sealed class CatalogStateRoundTripTests : EmulatorTest
{
    [Fact]
    public async Task The_catalog_survives_an_export_reset_and_import()
    {
        var ct = TestContext.Current.CancellationToken;
        var meter = CatalogSetup.AddMeter(Emulator, "Calls");
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var credit = await Polar.Benefits.CreateMeterCreditAsync("Credits", meter.Id, 100, cancellationToken: ct);
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        var archivedPrice = product.Prices[0].Id;
        await Polar.Products.UpdateAsync(product.Id, new ProductUpdate { Prices = [new ProductPriceFixedCreate { PriceAmount = 2500 }] }, cancellationToken: ct);
        await Polar.Products.SetBenefitsAsync(product.Id, [flag.Id, credit.Id], cancellationToken: ct);
        await Polar.Benefits.DeleteAsync(credit.Id, cancellationToken: ct);
        var kept = await Polar.Discounts.CreateAsync(new DiscountPercentageCreate { Name = "Kept", Code = "KEPT", BasisPoints = 1000, Duration = DiscountDuration.Once, MaxRedemptionsPerCustomer = 1 }, cancellationToken: ct);
        var gone = await Polar.Discounts.CreateAsync(new DiscountPercentageCreate { Name = "Gone", Code = "GONE", BasisPoints = 1000, Duration = DiscountDuration.Once }, cancellationToken: ct);
        await Polar.Discounts.DeleteAsync(gone.Id, cancellationToken: ct);
        lock (Emulator.State.Gate)
        {
            DiscountRules.Redeem(Emulator.State, Emulator.State.Discounts.Get(kept.Id), "ada");
        }

        await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """{"name": "Exported org", "email": "ops@acme.test"}""");
        var before = await SnapshotAsync(product.Id, kept.Id);

        var export = Emulator.ExportState();
        Emulator.Reset();
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/products/{product.Id}")).Status);
        Emulator.ImportState(export);

        Assert.Equal(before, await SnapshotAsync(product.Id, kept.Id));
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/discounts/{gone.Id}")).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/benefits/{credit.Id}")).Status);
        lock (Emulator.State.Gate)
        {
            Assert.True(Emulator.State.Products.FindPrice(archivedPrice)!.IsArchived);
            Assert.Same(Emulator.State.Products.Get(product.Id).Prices[0], Emulator.State.Products.FindPrice(Emulator.State.Products.Get(product.Id).Prices[0].Id));
            Assert.False(DiscountRules.IsRedeemableBy(Emulator.State, Emulator.State.Discounts.Get(kept.Id), "ada"));
            Assert.True(DiscountRules.IsRedeemableBy(Emulator.State, Emulator.State.Discounts.Get(kept.Id), "bob"));
            Assert.Equal("Exported org", Emulator.State.Organization.Name);
        }
    }

    private async Task<string> SnapshotAsync(string productId, string discountId)
    {
        var product = (await SendAsync(HttpMethod.Get, $"/v1/products/{productId}")).Body!.ToJsonString();
        var benefits = (await SendAsync(HttpMethod.Get, "/v1/benefits/")).Body!.ToJsonString();
        var discount = (await SendAsync(HttpMethod.Get, $"/v1/discounts/{discountId}")).Body!.ToJsonString();
        var organization = (await SendAsync(HttpMethod.Get, $"/v1/organizations/{Emulator.OrganizationId}")).Body!.ToJsonString();
        return string.Join('\n', product, benefits, discount, organization);
    }
}
