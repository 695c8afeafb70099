using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Tests.Conformance;
using Xunit;

namespace PolarBilling.Client.Tests.Subscriptions;

/// <summary>Get, list, create and revoke over real HTTP: method, path, query and body as the spec defines them.</summary>
public sealed class SubscriptionsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_reads_one_subscription_by_id()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats));
        var client = server.CreateClient();

        var subscription = await client.Subscriptions.GetAsync(SubscriptionFixtures.SeatsId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/subscriptions/" + SubscriptionFixtures.SeatsId, ""), (request.Method, request.Path, request.QueryString));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((SubscriptionFixtures.SeatsId, SubscriptionStatus.Active, 5L), (subscription.Id, subscription.Status, subscription.Seats));
        Assert.Equal(SubscriptionFixtures.TeamId, subscription.Product.Id);
    }

    [Fact]
    public async Task Every_list_filter_becomes_its_query_parameter()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/subscriptions/").Always(LoopbackResponse.Json(200, SubscriptionFixtures.Page([SubscriptionFixtures.CanceledAtPeriodEnd], 1, 1)));
        var client = server.CreateClient();

        var page = await client.Subscriptions.ListAsync(
            new SubscriptionListOptions
            {
                Page = 2,
                Limit = 50,
                Sorting = ["-started_at", "amount"],
                OrganizationId = ["0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10"],
                ProductId = [SubscriptionFixtures.ProMonthlyId, SubscriptionFixtures.TeamId],
                CustomerId = [SubscriptionFixtures.CustomerId],
                ExternalCustomerId = ["user_42", "user 43/x"],
                DiscountId = [SubscriptionFixtures.LaunchDiscountId],
                Active = true,
                Status = [SubscriptionStatus.Active, SubscriptionStatus.Trialing],
                CancelAtPeriodEnd = true,
                CustomerCancellationReason = [CustomerCancellationReason.TooExpensive, CustomerCancellationReason.Unused],
                CanceledAtAfter = DateTimeOffset.Parse("2026-03-01T00:00:00Z"),
                CanceledAtBefore = DateTimeOffset.Parse("2026-03-31T23:59:59+02:00"),
                StartedAfter = DateTimeOffset.Parse("2026-01-01T00:00:00Z"),
                StartedBefore = DateTimeOffset.Parse("2026-02-01T00:00:00.5Z"),
                Metadata = new Dictionary<string, MetadataValue> { ["plan_key"] = "team", ["seats"] = 5, ["annual"] = true },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/subscriptions/", request.Path);
        Assert.Equal(
            [
                new("page", "2"), new("limit", "50"), new("sorting", "-started_at"), new("sorting", "amount"),
                new("organization_id", "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10"),
                new("product_id", SubscriptionFixtures.ProMonthlyId), new("product_id", SubscriptionFixtures.TeamId),
                new("customer_id", SubscriptionFixtures.CustomerId),
                new("external_customer_id", "user_42"), new("external_customer_id", "user 43/x"),
                new("discount_id", SubscriptionFixtures.LaunchDiscountId),
                new("active", "true"),
                new("status", "active"), new("status", "trialing"),
                new("cancel_at_period_end", "true"),
                new("customer_cancellation_reason", "too_expensive"), new("customer_cancellation_reason", "unused"),
                new("canceled_at_after", "2026-03-01T00:00:00.000000Z"),
                new("canceled_at_before", "2026-03-31T21:59:59.000000Z"),
                new("started_after", "2026-01-01T00:00:00.000000Z"),
                new("started_before", "2026-02-01T00:00:00.500000Z"),
                new("metadata[plan_key]", "team"), new("metadata[seats]", "5"), new("metadata[annual]", "true"),
            ],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(CustomerCancellationReason.TooExpensive, Assert.Single(page.Items).CustomerCancellationReason);
    }

    [Fact]
    public async Task A_list_without_options_sends_no_query_at_all()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/subscriptions/").Always(LoopbackResponse.Json(200, SubscriptionFixtures.Page([], 0, 0)));
        var client = server.CreateClient();

        var page = await client.Subscriptions.ListAsync(cancellationToken: Ct);

        Assert.Equal("", Assert.Single(server.Requests).QueryString);
        Assert.Empty(page.Items);
        Assert.Equal((0L, 0), (page.Pagination.TotalCount, page.Pagination.MaxPage));
    }

    [Fact]
    public async Task Auto_paging_reads_every_page_until_max_page_keeping_the_filters()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var pages = new Dictionary<string, string>
        {
            ["1"] = SubscriptionFixtures.Page([SubscriptionFixtures.Trialing, SubscriptionFixtures.ActiveSeats], 5, 3),
            ["2"] = SubscriptionFixtures.Page([SubscriptionFixtures.CanceledAtPeriodEnd, SubscriptionFixtures.PastDueMeteredTeam], 5, 3),
            ["3"] = SubscriptionFixtures.Page([SubscriptionFixtures.Paused], 5, 3),
        };
        server.On("GET", "/v1/subscriptions/").Always(r => LoopbackResponse.Json(200, pages[r.QueryValues("page").Single()]));
        var client = server.CreateClient();

        var ids = new List<string>();
        await foreach (var subscription in client.Subscriptions.ListAutoPagingAsync(
            new SubscriptionListOptions { Limit = 2, ExternalCustomerId = ["user_42"] }, cancellationToken: Ct))
        {
            ids.Add(subscription.Id);
        }

        Assert.Equal(5, ids.Count);
        Assert.Equal(["1", "2", "3"], server.Requests.Select(r => r.QueryValues("page").Single()));
        Assert.All(server.Requests, r => Assert.Equal(["user_42"], r.QueryValues("external_customer_id")));
        Assert.All(server.Requests, r => Assert.Equal(["2"], r.QueryValues("limit")));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Create_for_a_customer_id_posts_the_free_product_subscription()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/subscriptions/").Always(LoopbackResponse.Json(201, SubscriptionFixtures.FreeCreated));
        var client = server.CreateClient();

        var subscription = await client.Subscriptions.CreateAsync(
            new SubscriptionCreateCustomer
            {
                ProductId = SubscriptionFixtures.HobbyId,
                CustomerId = SubscriptionFixtures.CustomerId,
                Metadata = new() { ["source"] = "signup" },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/subscriptions/"), (request.Method, request.Path));
        ExactJson.Equal(
            $$$"""{"product_id":"{{{SubscriptionFixtures.HobbyId}}}","customer_id":"{{{SubscriptionFixtures.CustomerId}}}","metadata":{"source":"signup"}}""",
            request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((0L, SubscriptionStatus.Active, SubscriptionFixtures.HobbyId), (subscription.Amount, subscription.Status, subscription.ProductId));
    }

    [Fact]
    public async Task Create_for_an_external_customer_id_sends_only_product_and_external_id()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/subscriptions/").Always(LoopbackResponse.Json(201, SubscriptionFixtures.FreeCreated));
        var client = server.CreateClient();

        await client.Subscriptions.CreateAsync(
            new SubscriptionCreateExternalCustomer { ProductId = SubscriptionFixtures.HobbyId, ExternalCustomerId = "user_42" }, cancellationToken: Ct);

        ExactJson.Equal($$"""{"product_id":"{{SubscriptionFixtures.HobbyId}}","external_customer_id":"user_42"}""", Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Create_is_not_repeated_after_a_5xx_so_no_second_subscription_appears()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/subscriptions/").Once(LoopbackResponse.Json(502, """{"detail":"bad gateway"}""")).Always(LoopbackResponse.Json(201, SubscriptionFixtures.FreeCreated));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarServerException>(() => client.Subscriptions.CreateAsync(
            new SubscriptionCreateExternalCustomer { ProductId = SubscriptionFixtures.HobbyId, ExternalCustomerId = "user_42" }, cancellationToken: Ct));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Revoke_deletes_the_subscription_without_a_body_and_reads_the_canceled_result()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.RevokedYearly));
        var client = server.CreateClient();

        var subscription = await client.Subscriptions.RevokeAsync("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("DELETE", "/v1/subscriptions/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"), (request.Method, request.Path));
        Assert.Null(request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(SubscriptionStatus.Canceled, subscription.Status);
        Assert.NotNull(subscription.EndedAt);
    }

    [Fact]
    public async Task Ids_are_escaped_into_the_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Subscriptions.GetAsync("a/b?c", cancellationToken: Ct));

        Assert.Equal("/v1/subscriptions/a%2Fb%3Fc", Assert.Single(server.Requests).Path);
    }
}
