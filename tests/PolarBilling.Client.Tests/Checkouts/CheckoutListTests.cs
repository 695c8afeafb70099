using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Checkouts;

public sealed class CheckoutListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_sends_every_filter_as_Polars_query_parameters()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/").Always(LoopbackResponse.Json(200, CheckoutFixtures.Page([CheckoutFixtures.Succeeded], 1, 1)));
        var client = server.CreateClient();

        var page = await client.Checkouts.ListAsync(
            new CheckoutListOptions
            {
                OrganizationId = [CheckoutFixtures.OrganizationId],
                ProductId = [CheckoutFixtures.ProMonthlyId, CheckoutFixtures.ProYearlyId],
                CustomerId = [CheckoutFixtures.CustomerId],
                ExternalCustomerId = ["user_42"],
                Status = [CheckoutStatus.Succeeded, CheckoutStatus.Confirmed],
                Query = "ada@example.com",
                Page = 2,
                Limit = 50,
                Sorting = ["-expires_at"],
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/checkouts/"), (request.Method, request.Path));
        Assert.Equal([CheckoutFixtures.OrganizationId], request.QueryValues("organization_id"));
        Assert.Equal([CheckoutFixtures.ProMonthlyId, CheckoutFixtures.ProYearlyId], request.QueryValues("product_id"));
        Assert.Equal([CheckoutFixtures.CustomerId], request.QueryValues("customer_id"));
        Assert.Equal(["user_42"], request.QueryValues("external_customer_id"));
        Assert.Equal(["succeeded", "confirmed"], request.QueryValues("status"));
        Assert.Equal(["ada@example.com"], request.QueryValues("query"));
        Assert.Equal(["2"], request.QueryValues("page"));
        Assert.Equal(["50"], request.QueryValues("limit"));
        Assert.Equal(["-expires_at"], request.QueryValues("sorting"));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(CheckoutFixtures.SucceededCheckoutId, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task List_without_options_sends_no_query_at_all()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/").Always(LoopbackResponse.Json(200, CheckoutFixtures.Page([], 0, 0)));
        var client = server.CreateClient();

        var page = await client.Checkouts.ListAsync(cancellationToken: Ct);

        Assert.Equal("", Assert.Single(server.Requests).QueryString);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task ListAutoPaging_reads_every_page_until_max_page_keeping_the_filters()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page").Single() switch
        {
            "1" => CheckoutFixtures.Page([CheckoutFixtures.Open, CheckoutFixtures.Succeeded], 5, 3),
            "2" => CheckoutFixtures.Page([CheckoutFixtures.Succeeded, CheckoutFixtures.Open], 5, 3),
            _ => CheckoutFixtures.Page([CheckoutFixtures.Open], 5, 3),
        }));
        var client = server.CreateClient();

        var statuses = new List<CheckoutStatus>();
        await foreach (var checkout in client.Checkouts.ListAutoPagingAsync(
            new CheckoutListOptions { ExternalCustomerId = ["user_42"], Limit = 2 }, cancellationToken: Ct))
        {
            statuses.Add(checkout.Status);
        }

        Assert.Equal(5, statuses.Count);
        Assert.Equal(["1", "2", "3"], server.Requests.Select(r => r.QueryValues("page").Single()));
        Assert.All(server.Requests, r => Assert.Equal(["user_42"], r.QueryValues("external_customer_id")));
        Assert.All(server.Requests, r => Assert.Equal(["2"], r.QueryValues("limit")));
        server.AssertAllRequestsMatchSpec();
    }
}
