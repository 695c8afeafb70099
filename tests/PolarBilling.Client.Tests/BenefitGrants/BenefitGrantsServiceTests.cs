using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.BenefitGrants;

/// <summary>Benefit grants across benefits: <c>GET /v1/benefit-grants/</c>.</summary>
public sealed class BenefitGrantsServiceTests
{
    private const string CustomerId = "992fae2a-2a17-4b7a-8d9e-e287cf90131b";
    private const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Granted => ModelRoundTrip.Fixture("BenefitGrants/grant-feature-flag-granted.json");

    private static string Revoked => ModelRoundTrip.Fixture("BenefitGrants/grant-license-key-revoked-for-member.json");

    private static string Pending => ModelRoundTrip.Fixture("BenefitGrants/grant-discord-pending.json");

    [Fact]
    public async Task List_sends_every_filter_as_the_query_parameters_Polar_declares()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/benefit-grants/").Always(LoopbackResponse.Json(200, Page(3, 1, Granted, Revoked, Pending)));
        var client = server.CreateClient();

        var page = await client.BenefitGrants.ListAsync(
            new BenefitGrantListOptions
            {
                Page = 1,
                Sorting = ["-granted_at"],
                OrganizationId = [OrganizationId],
                CustomerId = [CustomerId],
                ExternalCustomerId = ["user_42", "org_7"],
                IsGranted = false,
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/benefit-grants/"), (request.Method, request.Path));
        Assert.Equal(
            [
                new("page", "1"), new("sorting", "-granted_at"), new("organization_id", OrganizationId), new("customer_id", CustomerId),
                new("external_customer_id", "user_42"), new("external_customer_id", "org_7"), new("is_granted", "false"),
            ],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal([true, false, false], page.Items.Select(g => g.IsGranted));
        Assert.Equal(3, page.Pagination.TotalCount);
    }

    [Fact]
    public async Task Auto_paging_reads_every_page()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/benefit-grants/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] switch
        {
            "1" => Page(3, 3, Granted),
            "2" => Page(3, 3, Revoked),
            _ => Page(3, 3, Pending),
        }));
        var client = server.CreateClient();

        var ids = new List<string>();
        await foreach (var grant in client.BenefitGrants.ListAutoPagingAsync(new BenefitGrantListOptions { Limit = 1 }, cancellationToken: Ct))
        {
            ids.Add(grant.Id);
        }

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(["1", "2", "3"], server.Requests.Select(r => r.QueryValues("page")[0]));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Active_grants_of_a_user_are_listed_by_external_id_granted_only_100_per_page()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/benefit-grants/").Always(LoopbackResponse.Json(200, Page(1, 1, Granted)));
        var client = server.CreateClient();

        var grants = new List<BenefitGrant>();
        await foreach (var grant in client.BenefitGrants.ListActiveForExternalCustomerAsync("user_42", cancellationToken: Ct))
        {
            grants.Add(grant);
        }

        Assert.Equal(
            [new("page", "1"), new("limit", "100"), new("external_customer_id", "user_42"), new("is_granted", "true")],
            Assert.Single(server.Requests).Query);
        server.AssertAllRequestsMatchSpec();
        Assert.IsType<BenefitFeatureFlag>(Assert.Single(grants).Benefit);
    }

    [Fact]
    public void Active_grants_reject_a_missing_external_id()
    {
        using var client = new PolarClient(new PolarClientOptions { AccessToken = "polar_oat_test" });

        var error = Assert.ThrowsAny<ArgumentException>(() => client.BenefitGrants.ListActiveForExternalCustomerAsync(" ", cancellationToken: Ct));

        Assert.Equal("externalCustomerId", error.ParamName);
    }

    private static string Page(long totalCount, int maxPage, params string[] items) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
}
