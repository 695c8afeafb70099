using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Discounts;

public sealed class DiscountsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_posts_a_percentage_discount_with_a_code_window_limits_and_products()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/discounts/").Always(LoopbackResponse.Json(201, DiscountFixtures.PercentageOnce));
        var client = server.CreateClient();

        var discount = await client.Discounts.CreateAsync(
            new DiscountPercentageCreate
            {
                Name = "Launch week 20%",
                Code = "LAUNCH20",
                BasisPoints = 2000,
                Duration = DiscountDuration.Once,
                StartsAt = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero),
                EndsAt = new DateTimeOffset(2026, 4, 8, 2, 0, 0, TimeSpan.FromHours(2)),
                MaxRedemptions = 500,
                MaxRedemptionsPerCustomer = 1,
                Products = [DiscountFixtures.ProMonthlyId],
                Metadata = new() { ["campaign"] = "launch" },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/discounts/"), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent(
            $$$"""
            {"type":"percentage","name":"Launch week 20%","code":"LAUNCH20","basis_points":2000,"duration":"once",
             "starts_at":"2026-04-01T00:00:00Z","ends_at":"2026-04-08T00:00:00Z","max_redemptions":500,"max_redemptions_per_customer":1,
             "products":["{{{DiscountFixtures.ProMonthlyId}}}"],"metadata":{"campaign":"launch"}}
            """,
            request.BodyText!);
        Assert.Contains("\"ends_at\":\"2026-04-08T00:00:00Z\"", request.BodyText, StringComparison.Ordinal);
        server.AssertAllRequestsMatchSpec();
        var percentage = Assert.IsType<DiscountPercentageOnceForeverDuration>(discount);
        Assert.Equal((2000L, DiscountDuration.Once, DiscountType.Percentage, 137L), (percentage.BasisPoints, percentage.Duration, percentage.Type, percentage.RedemptionsCount));
        Assert.Equal(((long?)500, (long?)1), (percentage.MaxRedemptions, percentage.MaxRedemptionsPerCustomer));
        Assert.Equal("Pro (monthly)", Assert.Single(percentage.Products).Name);
        Assert.Equal("launch", percentage.Metadata["campaign"].ToString());
    }

    [Fact]
    public async Task Create_posts_a_fixed_repeating_discount_with_its_months()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/discounts/").Always(LoopbackResponse.Json(201, DiscountFixtures.FixedRepeating));
        var client = server.CreateClient();

        var discount = await client.Discounts.CreateAsync(
            new DiscountFixedCreate
            {
                Name = "$5 off for a year",
                Code = "YEAR5",
                Amount = 500,
                Currency = PresentmentCurrency.Usd,
                Duration = DiscountDuration.Repeating,
                DurationInMonths = 12,
            },
            cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent(
            """{"type":"fixed","name":"$5 off for a year","code":"YEAR5","amount":500,"currency":"usd","duration":"repeating","duration_in_months":12}""",
            Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
        var fixedRepeat = Assert.IsType<DiscountFixedRepeatDuration>(discount);
        Assert.Equal((500L, "usd", 12L), (fixedRepeat.Amount, fixedRepeat.Currency, fixedRepeat.DurationInMonths));
    }

    [Theory]
    [InlineData("repeating", null)]
    [InlineData("once", 3L)]
    [InlineData("forever", 12L)]
    public async Task Create_refuses_months_that_do_not_match_the_duration(string duration, long? months)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Discounts.CreateAsync(
            new DiscountPercentageCreate { Name = "x", BasisPoints = 1000, Duration = DiscountDuration.From(duration), DurationInMonths = months },
            cancellationToken: Ct));

        Assert.Equal("body", ex.ParamName);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("Discounts/discount-percentage-once.json", typeof(DiscountPercentageOnceForeverDuration))]
    [InlineData("Discounts/discount-fixed-forever.json", typeof(DiscountFixedOnceForeverDuration))]
    [InlineData("Discounts/discount-percentage-repeating.json", typeof(DiscountPercentageRepeatDuration))]
    [InlineData("Discounts/discount-fixed-repeating.json", typeof(DiscountFixedRepeatDuration))]
    [InlineData("Discounts/discount-future-type.json", typeof(UnknownDiscount))]
    public async Task Get_reads_each_kind_of_discount_as_its_own_type(string fixture, Type expected)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/discounts/{id}").Always(LoopbackResponse.Json(200, ModelRoundTrip.Fixture(fixture)));
        var client = server.CreateClient();

        var discount = await client.Discounts.GetAsync(DiscountFixtures.PercentageOnceId, cancellationToken: Ct);

        Assert.Equal(("GET", "/v1/discounts/" + DiscountFixtures.PercentageOnceId), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.IsType(expected, discount);
    }

    [Fact]
    public async Task Update_patches_only_the_fields_set()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/discounts/{id}").Always(LoopbackResponse.Json(200, DiscountFixtures.PercentageOnce));
        var client = server.CreateClient();

        await client.Discounts.UpdateAsync(
            DiscountFixtures.PercentageOnceId,
            new DiscountUpdate { EndsAt = new DateTimeOffset(2026, 4, 15, 0, 0, 0, TimeSpan.Zero), MaxRedemptions = 1000 },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", "/v1/discounts/" + DiscountFixtures.PercentageOnceId), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent("""{"ends_at":"2026-04-15T00:00:00Z","max_redemptions":1000}""", request.BodyText!);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Delete_sends_a_bodiless_DELETE_and_accepts_204()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", "/v1/discounts/{id}").Always(LoopbackResponse.Empty(204));
        var client = server.CreateClient();

        await client.Discounts.DeleteAsync(DiscountFixtures.PercentageOnceId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("DELETE", "/v1/discounts/" + DiscountFixtures.PercentageOnceId, "", (string?)null), (request.Method, request.Path, request.QueryString, request.BodyText));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task List_sends_the_organization_and_name_filters()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/discounts/").Always(LoopbackResponse.Json(200, DiscountFixtures.Page([DiscountFixtures.PercentageOnce], 1, 1)));
        var client = server.CreateClient();

        var page = await client.Discounts.ListAsync(
            new DiscountListOptions { OrganizationId = [DiscountFixtures.OrganizationId], Query = "launch", Sorting = ["-redemptions_count"] },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal([DiscountFixtures.OrganizationId], request.QueryValues("organization_id"));
        Assert.Equal(["launch"], request.QueryValues("query"));
        Assert.Equal(["-redemptions_count"], request.QueryValues("sorting"));
        server.AssertAllRequestsMatchSpec();
        Assert.IsType<DiscountPercentageOnceForeverDuration>(Assert.Single(page.Items));
    }

    [Fact]
    public async Task ListAutoPaging_walks_every_page_and_reads_every_kind()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/discounts/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page").Single() switch
        {
            "1" => DiscountFixtures.Page([DiscountFixtures.PercentageOnce, DiscountFixtures.FixedForever], 5, 3),
            "2" => DiscountFixtures.Page([DiscountFixtures.PercentageRepeating, DiscountFixtures.FixedRepeating], 5, 3),
            _ => DiscountFixtures.Page([DiscountFixtures.FutureType], 5, 3),
        }));
        var client = server.CreateClient();

        var kinds = new List<string>();
        await foreach (var discount in client.Discounts.ListAutoPagingAsync(new DiscountListOptions { Limit = 2 }, cancellationToken: Ct))
        {
            kinds.Add(discount.GetType().Name);
        }

        Assert.Equal(
            ["DiscountPercentageOnceForeverDuration", "DiscountFixedOnceForeverDuration", "DiscountPercentageRepeatDuration", "DiscountFixedRepeatDuration", "UnknownDiscount"],
            kinds);
        Assert.Equal(["1", "2", "3"], server.Requests.Select(r => r.QueryValues("page").Single()));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Discount_management_moves_no_money_so_a_503_is_retried()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/discounts/")
            .Once(LoopbackResponse.Json(503, """{"detail":"Service Unavailable"}"""))
            .Always(LoopbackResponse.Json(201, DiscountFixtures.FixedForever));
        var client = server.CreateClient();

        var discount = await client.Discounts.CreateAsync(
            new DiscountFixedCreate { Name = "Partner $10 off", Amounts = new() { ["usd"] = 1000, ["eur"] = 900 }, Duration = DiscountDuration.Forever },
            cancellationToken: Ct);

        Assert.Equal(1000L, Assert.IsType<DiscountFixedOnceForeverDuration>(discount).Amounts["usd"]);
        Assert.Equal(2, server.Requests.Count);
        server.AssertAllRequestsMatchSpec();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Missing_ids_are_rejected_naming_the_parameter(string? id)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var discounts = server.CreateClient().Discounts;

        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => discounts.GetAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => discounts.UpdateAsync(id!, new DiscountUpdate(), cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => discounts.DeleteAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Empty(server.Requests);
    }
}
