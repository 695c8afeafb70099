using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Benefits;

/// <summary>The grants of one benefit: <c>GET /v1/benefits/{id}/grants</c>.</summary>
public sealed class BenefitGrantsOfBenefitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_grants_sends_its_filters_and_reads_each_grant_with_customer_and_benefit()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/benefits/{id}/grants").Always(LoopbackResponse.Json(200, BenefitFixtures.GrantsPage));
        var client = server.CreateClient();

        var page = await client.Benefits.ListGrantsAsync(
            BenefitFixtures.FeatureFlagId,
            new BenefitGrantsOfBenefitListOptions { IsGranted = true, CustomerId = [BenefitFixtures.CustomerId], MemberId = [BenefitFixtures.MemberId], Limit = 20 },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal($"/v1/benefits/{BenefitFixtures.FeatureFlagId}/grants", request.Path);
        Assert.Equal(
            [new("limit", "20"), new("is_granted", "true"), new("customer_id", BenefitFixtures.CustomerId), new("member_id", BenefitFixtures.MemberId)],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        var grant = page.Items[0];
        Assert.True(grant.IsGranted);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 12, 1, 2, TimeSpan.Zero), grant.GrantedAt);
        Assert.Equal("user_42", Assert.IsType<CustomerIndividual>(grant.Customer).ExternalId);
        Assert.IsType<BenefitFeatureFlag>(grant.Benefit);
        Assert.Null(page.Items[1].GrantedAt);
    }

    [Fact]
    public async Task List_grants_refuses_sorting_because_Polar_declares_none_for_it()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.Benefits.ListGrantsAsync(
            BenefitFixtures.FeatureFlagId, new BenefitGrantsOfBenefitListOptions { Sorting = ["-created_at"] }, cancellationToken: Ct));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_grants_auto_paging_reads_every_page_of_that_benefit()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/benefits/{id}/grants").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] == "1"
            ? BenefitFixtures.GrantsPage.Replace("\"max_page\": 1", "\"max_page\": 2", StringComparison.Ordinal)
            : """{"items":[],"pagination":{"total_count":2,"max_page":2}}"""));
        var client = server.CreateClient();

        var count = 0;
        await foreach (var grant in client.Benefits.ListGrantsAutoPagingAsync(BenefitFixtures.FeatureFlagId, cancellationToken: Ct))
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.Equal(["1", "2"], server.Requests.Select(r => r.QueryValues("page")[0]));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task List_grants_rejects_a_missing_benefit_id()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Benefits.ListGrantsAsync("", cancellationToken: Ct));

        Assert.Equal("id", error.ParamName);
    }
}
