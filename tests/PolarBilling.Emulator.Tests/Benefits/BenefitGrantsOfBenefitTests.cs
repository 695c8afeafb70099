using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Products;
using Xunit;

namespace PolarBilling.Emulator.Tests.Benefits;

public sealed class BenefitGrantsOfBenefitTests : EmulatorTest
{
    [Fact]
    public async Task The_grants_of_a_benefit_filter_by_status_and_customer()
    {
        var ct = TestContext.Current.CancellationToken;
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        await Polar.Products.SetBenefitsAsync(product.Id, [flag.Id], cancellationToken: ct);
        var ada = CatalogSetup.Subscribe(Emulator, product.Id, "ada@example.com");
        var bob = CatalogSetup.Subscribe(Emulator, product.Id, "bob@example.com");
        lock (Emulator.State.Gate)
        {
            global::PolarBilling.Emulator.Subscriptions.SubscriptionEngine.RevokeAllForCustomer(Emulator.State, bob.CustomerId);
        }

        var all = await Polar.Benefits.ListGrantsAsync(flag.Id, cancellationToken: ct);
        var granted = await Polar.Benefits.ListGrantsAsync(flag.Id, new BenefitGrantsOfBenefitListOptions { IsGranted = true }, cancellationToken: ct);
        var ofBob = await Polar.Benefits.ListGrantsAsync(flag.Id, new BenefitGrantsOfBenefitListOptions { CustomerId = [bob.CustomerId] }, cancellationToken: ct);

        Assert.Equal(2, all.Items.Count);
        Assert.Equal(ada.CustomerId, Assert.Single(granted.Items).CustomerId);
        Assert.False(Assert.Single(ofBob.Items).IsGranted);
        Assert.Equal(flag.Id, all.Items[0].Benefit.Id);
    }

    [Fact]
    public async Task Grants_of_an_unknown_benefit_are_not_found()
    {
        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/benefits/0a8f6a1e-8d8b-4b8e-8a5d-3a2c1b0f9e8d/grants");

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Only_a_downloadables_benefit_has_files()
    {
        // Uploads are not emulated, so a downloadables benefit only comes from an imported state.
        var downloadables = PolarBilling.Client.Serialization.PolarJson.Deserialize<Benefit>($$$"""
            {"id": "2b6c9a1e-5f3d-4e7a-9b8c-1d2e3f4a5b6c", "created_at": "2026-11-01T09:00:00Z", "modified_at": null, "type": "downloadables",
             "description": "Installer", "selectable": true, "deletable": true, "is_deleted": false, "organization_id": "{{{Emulator.OrganizationId}}}",
             "metadata": {}, "visibility": "public", "visibility_configurable": false, "properties": {"archived": {}, "files": []}}
            """);
        lock (Emulator.State.Gate)
        {
            Emulator.State.Benefits.Add(downloadables);
        }

        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: TestContext.Current.CancellationToken);

        var (status, page) = await SendAsync(HttpMethod.Get, $"/v1/benefits/{downloadables.Id}/files");
        var (flagStatus, _) = await SendAsync(HttpMethod.Get, $"/v1/benefits/{flag.Id}/files");

        Assert.Equal(200, status);
        Assert.Equal(0, (int)page!["pagination"]!["total_count"]!);
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(404, flagStatus);
    }
}
