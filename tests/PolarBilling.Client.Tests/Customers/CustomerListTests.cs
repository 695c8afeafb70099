using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Customers;

public sealed class CustomerListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_sends_every_filter_including_metadata_as_deep_object_parameters()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/").Always(LoopbackResponse.Json(200, CustomerFixtures.Page([CustomerFixtures.Individual], 1, 1)));
        var client = server.CreateClient();

        var page = await client.Customers.ListAsync(
            new CustomerListOptions
            {
                OrganizationId = [CustomerFixtures.OrganizationId],
                Email = "ada@example.com",
                Query = "Ada",
                Active = true,
                Metadata = new Dictionary<string, MetadataValue> { ["plan"] = "pro", ["seats"] = 3, ["beta"] = true },
                Limit = 100,
                Sorting = ["-email"],
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/customers/"), (request.Method, request.Path));
        Assert.Equal([CustomerFixtures.OrganizationId], request.QueryValues("organization_id"));
        Assert.Equal(["ada@example.com"], request.QueryValues("email"));
        Assert.Equal(["Ada"], request.QueryValues("query"));
        Assert.Equal(["true"], request.QueryValues("active"));
        Assert.Equal(["pro"], request.QueryValues("metadata[plan]"));
        Assert.Equal(["3"], request.QueryValues("metadata[seats]"));
        Assert.Equal(["true"], request.QueryValues("metadata[beta]"));
        Assert.Equal(["100"], request.QueryValues("limit"));
        Assert.Equal(["-email"], request.QueryValues("sorting"));
        server.AssertAllRequestsMatchSpec();
        Assert.IsType<CustomerIndividual>(Assert.Single(page.Items));
    }

    [Fact]
    public async Task Active_false_is_sent_rather_than_dropped()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/").Always(LoopbackResponse.Json(200, CustomerFixtures.Page([], 0, 0)));
        var client = server.CreateClient();

        await client.Customers.ListAsync(new CustomerListOptions { Active = false }, cancellationToken: Ct);

        Assert.Equal("?active=false", Assert.Single(server.Requests).QueryString);
    }

    [Fact]
    public async Task ListAutoPaging_walks_every_page_and_yields_individuals_teams_and_unknown_kinds()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page").Single() switch
        {
            "1" => CustomerFixtures.Page([CustomerFixtures.Individual, CustomerFixtures.Team], 3, 2),
            _ => CustomerFixtures.Page([CustomerFixtures.FutureType], 3, 2),
        }));
        var client = server.CreateClient();

        var kinds = new List<string>();
        await foreach (var customer in client.Customers.ListAutoPagingAsync(new CustomerListOptions { Limit = 2 }, cancellationToken: Ct))
        {
            kinds.Add(customer.GetType().Name);
        }

        Assert.Equal(["CustomerIndividual", "CustomerTeam", "UnknownCustomer"], kinds);
        Assert.Equal(["1", "2"], server.Requests.Select(r => r.QueryValues("page").Single()));
        server.AssertAllRequestsMatchSpec();
    }
}
