using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Checkouts;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.CustomerSessions;

public sealed class CustomerSessionsServiceTests
{
    private const string CustomerId = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70";
    private const string TeamId = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string IndividualSession => ModelRoundTrip.Fixture("CustomerSessions/customer-session-individual.json");

    private static string TeamSession => ModelRoundTrip.Fixture("CustomerSessions/customer-session-team.json");

    [Fact]
    public async Task CreateForExternalCustomer_posts_the_external_id_and_return_url_and_reads_the_portal_url()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/customer-sessions/").Always(LoopbackResponse.Json(201, IndividualSession));
        var client = server.CreateClient();

        var session = await client.CustomerSessions.CreateForExternalCustomerAsync("user_42", "https://app.example.com/billing", cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/customer-sessions/"), (request.Method, request.Path));
        Assert.Equal("Bearer " + LoopbackPolarServer.AccessToken, request.Header("Authorization"));
        ModelRoundTrip.AssertEquivalent("""{"external_customer_id":"user_42","return_url":"https://app.example.com/billing"}""", request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.StartsWith("polar_cst_", session.Token, StringComparison.Ordinal);
        Assert.StartsWith("https://polar.sh/acme-analytics/portal?customer_session_token=polar_cst_", session.CustomerPortalUrl, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 13, 0, 0, TimeSpan.Zero).AddTicks(10), session.ExpiresAt);
        Assert.Equal(("https://app.example.com/billing", CustomerId), (session.ReturnUrl, session.CustomerId));
        Assert.Equal("user_42", Assert.IsType<CustomerIndividual>(session.Customer).ExternalId);
    }

    [Fact]
    public async Task CreateForCustomer_posts_only_the_customer_id_when_there_is_no_return_url()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/customer-sessions/").Always(LoopbackResponse.Json(201, TeamSession));
        var client = server.CreateClient();

        var session = await client.CustomerSessions.CreateForCustomerAsync(TeamId, cancellationToken: Ct);

        Assert.Equal($$"""{"customer_id":"{{TeamId}}"}""", Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Null(session.ReturnUrl);
        Assert.Null(Assert.IsType<CustomerTeam>(session.Customer).Email);
    }

    [Fact]
    public async Task Create_with_a_member_sends_the_member_id_alongside_the_customer()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/customer-sessions/").Always(LoopbackResponse.Json(201, TeamSession));
        var client = server.CreateClient();

        await client.CustomerSessions.CreateAsync(
            new CustomerSessionCustomerExternalIDCreate { ExternalCustomerId = "team_7", ExternalMemberId = "user_42" }, cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent("""{"external_customer_id":"team_7","external_member_id":"user_42"}""", Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Create_is_retried_after_a_503_because_a_second_session_moves_no_money()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/customer-sessions/")
            .Once(LoopbackResponse.Json(503, """{"detail":"Service Unavailable"}"""))
            .Always(LoopbackResponse.Json(201, IndividualSession));
        var client = server.CreateClient();

        await client.CustomerSessions.CreateForCustomerAsync(CustomerId, cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_unknown_external_customer_surfaces_Polars_422()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        const string invalid = """
            {"error":"PolarRequestValidationError","detail":[{"type":"value_error","loc":["body","external_customer_id"],"msg":"Customer does not exist.","input":"user_404"}]}
            """;
        OpenApiSpec.AssertResponseValid("POST", "/v1/customer-sessions/", 422, invalid);
        server.On("POST", "/v1/customer-sessions/").Always(LoopbackResponse.Json(422, invalid));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarValidationException>(() => client.CustomerSessions.CreateForExternalCustomerAsync("user_404", cancellationToken: Ct));

        Assert.Equal("body.external_customer_id", Assert.Single(ex.Errors).Path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Missing_customer_ids_are_rejected_before_calling_Polar(string? id)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var sessions = server.CreateClient().CustomerSessions;

        Assert.Equal("customerId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => sessions.CreateForCustomerAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("externalCustomerId", (await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            sessions.CreateForExternalCustomerAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            sessions.CreateAsync(new CustomerSessionCustomerIDCreate { CustomerId = id! }, cancellationToken: Ct))).ParamName);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("CustomerSessions/customer-session-individual.json")]
    [InlineData("CustomerSessions/customer-session-team.json")]
    public void Session_fixtures_are_valid_fully_modelled_and_round_trip(string fixture)
    {
        var session = ModelRoundTrip.Assert<CustomerSession>("CustomerSession", ModelRoundTrip.Fixture(fixture));

        Assert.Equal(session.CustomerId, session.Customer.Id);
    }

    [Fact]
    public void A_session_for_a_customer_of_an_unknown_type_still_reads()
    {
        var json = IndividualSession.Replace("\"type\": \"individual\"", "\"type\": \"household\"", StringComparison.Ordinal);

        var session = PolarJson.Deserialize<CustomerSession>(json);

        Assert.IsType<UnknownCustomer>(session.Customer);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(session));
    }
}
