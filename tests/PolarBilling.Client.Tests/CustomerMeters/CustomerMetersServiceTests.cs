using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.CustomerMeters;

/// <summary>Per-customer meter balances: get, list with every filter, auto-paging, and a user's balance on one meter.</summary>
public sealed class CustomerMetersServiceTests
{
    private const string ApiCallsBalanceId = "77a8b9c0-d1e2-4f3a-8b4c-6d7e8f9a0b1c";
    private const string TokensBalanceId = "88b9c0d1-e2f3-4a4b-9c5d-7e8f9a0b1c2d";
    private const string CustomerId = "992fae2a-2a17-4b7a-8d9e-e287cf90131b";
    private const string ApiCallsMeterId = "d498a884-e2cd-4d3e-8002-f536468a8b22";
    private const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ApiCalls => ModelRoundTrip.Fixture("CustomerMeters/customer-meter-api-calls.json");

    private static string TokensOverdrawn => ModelRoundTrip.Fixture("CustomerMeters/customer-meter-tokens-overdrawn.json");

    [Theory]
    [InlineData("customer-meter-api-calls.json")]
    [InlineData("customer-meter-tokens-overdrawn.json")]
    public void Every_customer_meter_fixture_round_trips_against_the_spec(string file) =>
        ModelRoundTrip.Assert<CustomerMeter>("CustomerMeter", ModelRoundTrip.Fixture($"CustomerMeters/{file}"));

    [Fact]
    public void An_overdrawn_team_balance_reads_as_negative_with_its_team_customer_and_meter()
    {
        var meter = ModelRoundTrip.Assert<CustomerMeter>("CustomerMeter", TokensOverdrawn);

        Assert.Equal((1250000d, 1000000L, -250000d), (meter.ConsumedUnits, meter.CreditedUnits, meter.Balance));
        Assert.Equal("Initech", Assert.IsType<CustomerTeam>(meter.Customer).Name);
        Assert.Equal("LLM tokens", meter.Meter.Name);
        Assert.Null(meter.ModifiedAt);
    }

    [Fact]
    public void An_unknown_customer_type_inside_a_balance_is_kept()
    {
        var json = JsonNode.Parse(ApiCalls)!;
        json["customer"]!["type"] = "household";

        var meter = PolarJson.Deserialize<CustomerMeter>(json.ToJsonString());

        Assert.IsType<UnknownCustomer>(meter.Customer);
        ModelRoundTrip.AssertEquivalent(json.ToJsonString(), PolarJson.Serialize(meter));
    }

    [Fact]
    public async Task Get_reads_the_balance_at_its_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customer-meters/{id}").Always(LoopbackResponse.Json(200, ApiCalls));
        var client = server.CreateClient();

        var meter = await client.CustomerMeters.GetAsync(ApiCallsBalanceId, cancellationToken: Ct);

        Assert.Equal(("GET", $"/v1/customer-meters/{ApiCallsBalanceId}"), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((2030.5, 10000L, 7969.5), (meter.ConsumedUnits, meter.CreditedUnits, meter.Balance));
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 17, 45, 12, 503, TimeSpan.Zero), meter.ModifiedAt);
        Assert.Equal("user_42", Assert.IsType<CustomerIndividual>(meter.Customer).ExternalId);
        Assert.IsType<CountAggregation>(meter.Meter.Aggregation);
    }

    [Fact]
    public async Task Get_rejects_a_missing_id_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CustomerMeters.GetAsync(" ", cancellationToken: Ct));

        Assert.Equal("id", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_sends_every_filter_as_the_query_parameters_Polar_declares()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customer-meters/").Always(LoopbackResponse.Json(200, Page(2, 1, ApiCalls, TokensOverdrawn)));
        var client = server.CreateClient();

        var page = await client.CustomerMeters.ListAsync(
            new CustomerMeterListOptions
            {
                Limit = 25,
                Sorting = ["balance", "-meter_name"],
                OrganizationId = [OrganizationId],
                CustomerId = [CustomerId],
                ExternalCustomerId = ["user_42", "org_7"],
                MeterId = [ApiCallsMeterId],
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/customer-meters/"), (request.Method, request.Path));
        Assert.Equal(
            [
                new("limit", "25"), new("sorting", "balance"), new("sorting", "-meter_name"), new("organization_id", OrganizationId),
                new("customer_id", CustomerId), new("external_customer_id", "user_42"), new("external_customer_id", "org_7"), new("meter_id", ApiCallsMeterId),
            ],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal([ApiCallsBalanceId, TokensBalanceId], page.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task Auto_paging_reads_every_page()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customer-meters/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] == "1"
            ? Page(2, 2, ApiCalls)
            : Page(2, 2, TokensOverdrawn)));
        var client = server.CreateClient();

        var ids = new List<string>();
        await foreach (var meter in client.CustomerMeters.ListAutoPagingAsync(new CustomerMeterListOptions { Limit = 1 }, cancellationToken: Ct))
        {
            ids.Add(meter.Id);
        }

        Assert.Equal([ApiCallsBalanceId, TokensBalanceId], ids);
        Assert.Equal(["1", "2"], server.Requests.Select(r => r.QueryValues("page")[0]));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task A_users_balance_on_one_meter_is_found_by_external_id_and_meter()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customer-meters/").Always(LoopbackResponse.Json(200, Page(1, 1, ApiCalls)));
        var client = server.CreateClient();

        var meter = await client.CustomerMeters.FindForExternalCustomerAsync("user_42", ApiCallsMeterId, cancellationToken: Ct);

        Assert.Equal(
            [new("limit", "1"), new("external_customer_id", "user_42"), new("meter_id", ApiCallsMeterId)],
            Assert.Single(server.Requests).Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(7969.5, meter!.Balance);
    }

    [Fact]
    public async Task A_user_without_a_balance_on_the_meter_gets_null()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customer-meters/").Always(LoopbackResponse.Json(200, Page(0, 0)));
        var client = server.CreateClient();

        Assert.Null(await client.CustomerMeters.FindForExternalCustomerAsync("user_99", ApiCallsMeterId, cancellationToken: Ct));
    }

    private static string Page(long totalCount, int maxPage, params string[] items) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
}
