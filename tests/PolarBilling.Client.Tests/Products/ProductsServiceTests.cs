using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Products;

/// <summary>Products over real HTTP: get, list with every filter, auto-paging, update, archive, benefits.</summary>
public sealed class ProductsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_reads_the_product_at_its_path_without_trailing_slash()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        var client = server.CreateClient();

        var product = await client.Products.GetAsync(ProductFixtures.ProId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", $"/v1/products/{ProductFixtures.ProId}", string.Empty), (request.Method, request.Path, request.QueryString));
        Assert.Null(request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((ProductFixtures.ProId, "Pro", ProductFixtures.OrganizationId), (product.Id, product.Name, product.OrganizationId));
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 16, 20, 0, TimeSpan.Zero), product.ModifiedAt);
        Assert.Equal(1900, Assert.IsType<ProductPriceFixed>(product.Prices[0]).PriceAmount);
        Assert.Equal("pro", product.Metadata["plan"].ToString());
    }

    [Fact]
    public async Task Get_escapes_the_id_into_one_path_segment()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Products.GetAsync("a b?c", cancellationToken: Ct));

        // The "?" stays in the path instead of starting a query.
        Assert.Equal(("/v1/products/a%20b%3Fc", string.Empty), (server.Requests[0].Path, server.Requests[0].QueryString));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Get_rejects_a_missing_id_before_calling_Polar(string? id)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Products.GetAsync(id!, cancellationToken: Ct));

        Assert.Equal("id", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Get_of_an_unknown_product_throws_not_found()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/{id}").Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Products.GetAsync(ProductFixtures.ProId, cancellationToken: Ct));

        Assert.Equal("ResourceNotFound", error.Error);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task List_sends_every_filter_as_the_query_parameters_Polar_declares()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(LoopbackResponse.Json(200, ProductFixtures.Page(1, 1, ProductFixtures.ProMonthly)));
        var client = server.CreateClient();

        var page = await client.Products.ListAsync(
            new ProductListOptions
            {
                Page = 2,
                Limit = 50,
                Sorting = ["-price_amount", "name"],
                Id = [ProductFixtures.ProId, ProductFixtures.FreeId],
                OrganizationId = [ProductFixtures.OrganizationId],
                Query = "pro",
                IsArchived = false,
                IsRecurring = true,
                BenefitId = [ProductFixtures.FeatureFlagBenefitId],
                Visibility = [ProductVisibility.Public, ProductVisibility.Private],
                Metadata = new Dictionary<string, MetadataValue> { ["plan"] = "pro", ["tier"] = 2 },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(
            [
                new("page", "2"), new("limit", "50"), new("sorting", "-price_amount"), new("sorting", "name"),
                new("id", ProductFixtures.ProId), new("id", ProductFixtures.FreeId), new("organization_id", ProductFixtures.OrganizationId),
                new("query", "pro"), new("is_archived", "false"), new("is_recurring", "true"), new("benefit_id", ProductFixtures.FeatureFlagBenefitId),
                new("visibility", "public"), new("visibility", "private"), new("metadata[plan]", "pro"), new("metadata[tier]", "2"),
            ],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((1L, 1), (page.Pagination.TotalCount, page.Pagination.MaxPage));
        Assert.Equal("Pro", Assert.Single(page.Items).Name);
    }

    [Fact]
    public async Task List_without_options_sends_no_query()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(LoopbackResponse.Json(200, ProductFixtures.Page(0, 0)));
        var client = server.CreateClient();

        var page = await client.Products.ListAsync(cancellationToken: Ct);

        Assert.Equal(string.Empty, Assert.Single(server.Requests).QueryString);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Auto_paging_reads_every_page_until_max_page_with_the_same_filters()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] switch
        {
            "1" => ProductFixtures.Page(5, 3, ProductFixtures.ProMonthly, ProductFixtures.Free),
            "2" => ProductFixtures.Page(5, 3, ProductFixtures.PayWhatYouWant, ProductFixtures.TeamSeats),
            _ => ProductFixtures.Page(5, 3, ProductFixtures.Free),
        }));
        var client = server.CreateClient();

        var names = new List<string>();
        await foreach (var product in client.Products.ListAutoPagingAsync(new ProductListOptions { Limit = 2, IsArchived = false }, cancellationToken: Ct))
        {
            names.Add(product.Name);
        }

        Assert.Equal(["Pro", "Free", "The Billing Handbook", "Team", "Free"], names);
        Assert.Equal(["1", "2", "3"], server.Requests.Select(r => r.QueryValues("page")[0]));
        Assert.All(server.Requests, r => Assert.Equal(["2", "false"], [r.QueryValues("limit")[0], r.QueryValues("is_archived")[0]]));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Update_sends_only_the_fields_set()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        var client = server.CreateClient();

        await client.Products.UpdateAsync(
            ProductFixtures.ProId,
            new ProductUpdate { Name = "Pro (2026)", Visibility = ProductVisibility.Private, Metadata = new() { ["plan"] = "pro" } },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", $"/v1/products/{ProductFixtures.ProId}"), (request.Method, request.Path));
        Assert.Equal("""{"metadata":{"plan":"pro"},"name":"Pro (2026)","visibility":"private"}""", request.BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Archive_and_unarchive_send_only_is_archived()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        var client = server.CreateClient();

        await client.Products.ArchiveAsync(ProductFixtures.ProId, cancellationToken: Ct);
        await client.Products.UnarchiveAsync(ProductFixtures.ProId, cancellationToken: Ct);

        Assert.Equal(["""{"is_archived":true}""", """{"is_archived":false}"""], server.Requests.Select(r => r.BodyText));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Set_benefits_posts_the_full_ordered_list_to_the_benefits_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/products/{id}/benefits").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        var client = server.CreateClient();

        var product = await client.Products.SetBenefitsAsync(
            ProductFixtures.ProId, [ProductFixtures.MeterCreditBenefitId, ProductFixtures.FeatureFlagBenefitId], cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", $"/v1/products/{ProductFixtures.ProId}/benefits"), (request.Method, request.Path));
        Assert.Equal($$"""{"benefits":["{{ProductFixtures.MeterCreditBenefitId}}","{{ProductFixtures.FeatureFlagBenefitId}}"]}""", request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(2, product.Benefits.Count);
    }

    [Fact]
    public async Task Update_benefits_with_an_empty_list_removes_all_benefits()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/products/{id}/benefits").Always(LoopbackResponse.Json(200, ProductFixtures.Free));
        var client = server.CreateClient();

        await client.Products.UpdateBenefitsAsync(ProductFixtures.FreeId, new ProductBenefitsUpdate { Benefits = [] }, cancellationToken: Ct);

        Assert.Equal("""{"benefits":[]}""", Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Set_benefits_rejects_an_empty_benefit_id_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Products.SetBenefitsAsync(ProductFixtures.ProId, ["", "x"], cancellationToken: Ct));

        Assert.Equal("benefitIds", error.ParamName);
        Assert.Empty(server.Requests);
    }
}
