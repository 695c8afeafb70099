using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Http;

/// <summary>One page and auto-paging over Polar's <c>page</c>/<c>limit</c> lists, against real HTTP.</summary>
public sealed class TransportPagingTests
{
    private const string Products = "v1/products/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_page_sends_page_limit_and_each_sorting_key_and_reads_items_and_pagination()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(LoopbackResponse.Json(200, SpecSamples.ProductPage(2, 12, 6)));
        var client = server.CreateClient();

        var page = await client.Products.Transport.ListAsync<Product>(
            Products, new ListOptions { Page = 3, Limit = 2, Sorting = ["-created_at", "name"] }, null, Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(["3"], request.QueryValues("page"));
        Assert.Equal(["2"], request.QueryValues("limit"));
        Assert.Equal(["-created_at", "name"], request.QueryValues("sorting"));
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(SpecSamples.ProductId, page.Items[0].Id);
        Assert.Equal((12L, 6), (page.Pagination.TotalCount, page.Pagination.MaxPage));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Without_options_no_paging_parameters_are_sent_so_Polar_defaults_apply()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(LoopbackResponse.Json(200, SpecSamples.ProductPage(0, 0, 0)));
        var client = server.CreateClient();

        var page = await client.Products.Transport.ListAsync<Product>(Products, null, null, Ct);

        Assert.Equal(string.Empty, Assert.Single(server.Requests).QueryString);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Auto_paging_reads_every_page_up_to_max_page_in_order()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        ServePages(server, itemsPerPage: [2, 2, 1]);
        var client = server.CreateClient();

        var products = await Collect(client.Products.Transport.ListAllAsync<Product>(Products, new ListOptions { Limit = 2 }, null, Ct));

        Assert.Equal(5, products.Count);
        Assert.Equal(["1", "2", "3"], server.Requests.Select(r => r.QueryValues("page").Single()));
        Assert.All(server.Requests, r => Assert.Equal(["2"], r.QueryValues("limit")));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Auto_paging_starts_at_the_given_page()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        ServePages(server, itemsPerPage: [2, 2, 1]);
        var client = server.CreateClient();

        var products = await Collect(client.Products.Transport.ListAllAsync<Product>(Products, new ListOptions { Page = 2, Limit = 2 }, null, Ct));

        Assert.Equal(3, products.Count);
        Assert.Equal(["2", "3"], server.Requests.Select(r => r.QueryValues("page").Single()));
    }

    [Fact]
    public async Task Auto_paging_stops_at_an_empty_page_even_if_max_page_promises_more()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        ServePages(server, itemsPerPage: [2, 0, 2], maxPage: 3);
        var client = server.CreateClient();

        var products = await Collect(client.Products.Transport.ListAllAsync<Product>(Products, null, null, Ct));

        Assert.Equal(2, products.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Auto_paging_follows_has_next_page_for_cursor_style_lists()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(request =>
        {
            var page = int.Parse(request.QueryValues("page").Single());
            var more = page < 4 ? "true" : "false";
            return LoopbackResponse.Json(200, $$$"""{"items":[{{{SpecSamples.Product}}}],"pagination":{"has_next_page":{{{more}}}}}""");
        });
        var client = server.CreateClient();

        var products = await Collect(client.Products.Transport.ListAllAsync<Product>(Products, null, null, Ct));

        Assert.Equal(4, products.Count);
    }

    [Fact]
    public async Task Auto_paging_is_lazy_and_stops_when_the_caller_stops()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        ServePages(server, itemsPerPage: [2, 2, 2, 2]);
        var client = server.CreateClient();

        await foreach (var _ in client.Products.Transport.ListAllAsync<Product>(Products, null, null, Ct))
        {
            break;
        }

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(0, null, "ListOptions.Page is 0")]
    [InlineData(null, 0, "ListOptions.Limit is 0")]
    public async Task Invalid_paging_options_fail_before_any_request(int? page, int? limit, string message)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Products.Transport.ListAsync<Product>(Products, new ListOptions { Page = page, Limit = limit }, null, Ct));

        Assert.StartsWith(message, error.Message);
        Assert.Empty(server.Requests);
    }

    /// <summary>Answers <c>GET /v1/products/?page=n</c> with <c>itemsPerPage[n-1]</c> products and <c>max_page</c>.</summary>
    private static void ServePages(LoopbackPolarServer server, int[] itemsPerPage, int? maxPage = null)
    {
        var total = itemsPerPage.Sum();
        server.On("GET", "/v1/products/").Always(request =>
        {
            var page = int.Parse(request.QueryValues("page").SingleOrDefault() ?? "1");
            var count = page <= itemsPerPage.Length ? itemsPerPage[page - 1] : 0;
            return LoopbackResponse.Json(200, SpecSamples.ProductPage(count, total, maxPage ?? itemsPerPage.Length));
        });
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
