using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Products;

public sealed class ProductListTests : EmulatorTest
{
    [Fact]
    public async Task Products_are_listed_newest_first_and_filtered()
    {
        var ct = TestContext.Current.CancellationToken;
        var monthly = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro monthly", 2000), cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var book = await Polar.Products.CreateAsync(CatalogSetup.OneTime("Billing handbook", 1500), cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var archived = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Legacy plan", 900), cancellationToken: ct);
        await Polar.Products.ArchiveAsync(archived.Id, cancellationToken: ct);

        Assert.Equal([archived.Id, book.Id, monthly.Id], Ids(await Polar.Products.ListAsync(cancellationToken: ct)));
        Assert.Equal([book.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { IsRecurring = false }, cancellationToken: ct)));
        Assert.Equal([archived.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { IsArchived = true }, cancellationToken: ct)));
        Assert.Equal([monthly.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { Query = "PRO M" }, cancellationToken: ct)));
        Assert.Equal([book.Id, monthly.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { Id = [monthly.Id, book.Id] }, cancellationToken: ct)));
    }

    [Fact]
    public async Task Products_filter_by_benefit_visibility_and_metadata()
    {
        var ct = TestContext.Current.CancellationToken;
        var benefit = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: ct);
        var withBenefit = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        await Polar.Products.SetBenefitsAsync(withBenefit.Id, [benefit.Id], cancellationToken: ct);
        var draft = CatalogSetup.Monthly("Draft plan", 100);
        draft.Visibility = ProductVisibility.Draft;
        draft.Metadata = new() { ["tier"] = "gold" };
        var drafted = await Polar.Products.CreateAsync(draft, cancellationToken: ct);

        Assert.Equal([withBenefit.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { BenefitId = [benefit.Id] }, cancellationToken: ct)));
        Assert.Equal([drafted.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { Visibility = [ProductVisibility.Draft] }, cancellationToken: ct)));
        Assert.Equal([drafted.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { Metadata = new Dictionary<string, MetadataValue> { ["tier"] = "gold" } }, cancellationToken: ct)));
    }

    [Fact]
    public async Task Products_sort_by_their_first_price_and_by_name()
    {
        var ct = TestContext.Current.CancellationToken;
        var expensive = await Polar.Products.CreateAsync(CatalogSetup.Monthly("b expensive", 5000), cancellationToken: ct);
        var cheap = await Polar.Products.CreateAsync(CatalogSetup.Monthly("C cheap", 900), cancellationToken: ct);
        var (_, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """{"name": "a pay what you want", "prices": [{"amount_type": "custom", "minimum_amount": 2000}]}""");
        var custom = (string)body!["id"]!;

        Assert.Equal([cheap.Id, custom, expensive.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { Sorting = ["price_amount"] }, cancellationToken: ct)));
        Assert.Equal([custom, cheap.Id, expensive.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { Sorting = ["price_amount_type", "price_amount"] }, cancellationToken: ct)));
        Assert.Equal([custom, expensive.Id, cheap.Id], Ids(await Polar.Products.ListAsync(new ProductListOptions { Sorting = ["name"] }, cancellationToken: ct)));
    }

    [Fact]
    public async Task Pages_are_clamped_to_a_hundred_items()
    {
        for (var i = 0; i < 101; i++)
        {
            var (status, _) = await SendAsync(HttpMethod.Post, "/v1/products/", $$"""{"name": "Plan {{i:000}}", "prices": [{"amount_type": "fixed", "price_amount": 1000}]}""");
            Assert.Equal(201, status);
        }

        var (_, page) = await SendAsync(HttpMethod.Get, "/v1/products/?limit=500&page=2");

        Assert.Single(page!["items"]!.AsArray());
        Assert.Equal(101, (int)page["pagination"]!["total_count"]!);
        Assert.Equal(2, (int)page["pagination"]!["max_page"]!);
    }

    [Fact]
    public async Task An_unknown_sort_field_is_refused()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/products/?sorting=price");

        Assert.Equal(422, status);
        Assert.Equal("""["query","sorting",0]""", body!["detail"]![0]!["loc"]!.ToJsonString());
    }

    private static string[] Ids(PolarList<Product> list) => [.. list.Items.Select(p => p.Id)];
}
