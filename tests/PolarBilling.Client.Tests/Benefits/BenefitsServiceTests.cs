using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Benefits;

/// <summary>Benefits over real HTTP: get, list with every filter, auto-paging, create, update per type, delete.</summary>
public sealed class BenefitsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_reads_the_benefit_as_its_type()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/benefits/{id}").Always(LoopbackResponse.Json(200, BenefitFixtures.MeterCredit));
        var client = server.CreateClient();

        var benefit = await client.Benefits.GetAsync(BenefitFixtures.MeterCreditId, cancellationToken: Ct);

        Assert.Equal(("GET", $"/v1/benefits/{BenefitFixtures.MeterCreditId}"), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        var credit = Assert.IsType<BenefitMeterCredit>(benefit);
        Assert.Equal(("10,000 API calls a month", 10000L), (credit.Description, credit.Properties.Units));
    }

    [Fact]
    public async Task Get_rejects_a_missing_id_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Benefits.GetAsync(" ", cancellationToken: Ct));

        Assert.Equal("id", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_sends_every_filter_as_the_query_parameters_Polar_declares()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/benefits/").Always(LoopbackResponse.Json(200, BenefitFixtures.Page(2, 1, BenefitFixtures.FeatureFlag, BenefitFixtures.MeterCredit)));
        var client = server.CreateClient();

        var page = await client.Benefits.ListAsync(
            new BenefitListOptions
            {
                Limit = 100,
                Sorting = ["type", "-created_at"],
                OrganizationId = [BenefitFixtures.OrganizationId],
                Type = [BenefitType.FeatureFlag, BenefitType.MeterCredit],
                Id = [BenefitFixtures.FeatureFlagId, BenefitFixtures.MeterCreditId],
                ExcludeId = [BenefitFixtures.CustomId],
                Query = "API",
                Metadata = new Dictionary<string, MetadataValue> { ["feature"] = "api-access" },
            },
            cancellationToken: Ct);

        Assert.Equal(
            [
                new("limit", "100"), new("sorting", "type"), new("sorting", "-created_at"), new("organization_id", BenefitFixtures.OrganizationId),
                new("type", "feature_flag"), new("type", "meter_credit"), new("id", BenefitFixtures.FeatureFlagId), new("id", BenefitFixtures.MeterCreditId),
                new("exclude_id", BenefitFixtures.CustomId), new("query", "API"), new("metadata[feature]", "api-access"),
            ],
            Assert.Single(server.Requests).Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal([typeof(BenefitFeatureFlag), typeof(BenefitMeterCredit)], page.Items.Select(b => b.GetType()));
    }

    [Fact]
    public async Task Auto_paging_reads_every_page()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/benefits/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] == "1"
            ? BenefitFixtures.Page(3, 2, BenefitFixtures.FeatureFlag, BenefitFixtures.MeterCredit)
            : BenefitFixtures.Page(3, 2, BenefitFixtures.Custom)));
        var client = server.CreateClient();

        var ids = new List<string>();
        await foreach (var benefit in client.Benefits.ListAutoPagingAsync(new BenefitListOptions { Limit = 2 }, cancellationToken: Ct))
        {
            ids.Add(benefit.Id);
        }

        Assert.Equal([BenefitFixtures.FeatureFlagId, BenefitFixtures.MeterCreditId, BenefitFixtures.CustomId], ids);
        Assert.Equal(2, server.Requests.Count);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Create_feature_flag_posts_the_type_description_and_metadata()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/benefits/").Always(LoopbackResponse.Json(201, BenefitFixtures.FeatureFlag));
        var client = server.CreateClient();

        var flag = await client.Benefits.CreateFeatureFlagAsync("API access", new Dictionary<string, MetadataValue> { ["feature"] = "api-access" }, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/benefits/"), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent("""{"type":"feature_flag","description":"API access","metadata":{"feature":"api-access"},"properties":{}}""", request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(BenefitFixtures.FeatureFlagId, flag.Id);
    }

    [Fact]
    public async Task Create_meter_credit_posts_units_rollover_and_meter()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/benefits/").Always(LoopbackResponse.Json(201, BenefitFixtures.MeterCredit));
        var client = server.CreateClient();

        var credit = await client.Benefits.CreateMeterCreditAsync("10,000 API calls a month", BenefitFixtures.ApiCallsMeterId, 10000, cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent(
            $$$"""{"type":"meter_credit","description":"10,000 API calls a month","properties":{"units":10000,"rollover":false,"meter_id":"{{{BenefitFixtures.ApiCallsMeterId}}}"}}""",
            Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(10000, credit.Properties.Units);
    }

    [Theory]
    [InlineData("Email support@example.com.", """{"note":"Email support@example.com."}""")]
    [InlineData(null, """{}""")]
    public async Task Create_custom_posts_the_private_note_when_given(string? note, string properties)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/benefits/").Always(LoopbackResponse.Json(201, BenefitFixtures.Custom));
        var client = server.CreateClient();

        await client.Benefits.CreateCustomAsync("Priority support", note, cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent($$"""{"type":"custom","description":"Priority support","properties":{{properties}}}""", Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Create_license_keys_through_the_raw_union_posts_its_properties()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/benefits/").Always(LoopbackResponse.Json(201, ModelRoundTrip.Fixture("Benefits/benefit-license-keys.json")));
        var client = server.CreateClient();

        var benefit = await client.Benefits.CreateAsync(
            new BenefitLicenseKeysCreate
            {
                Description = "Desktop license key",
                Visibility = BenefitVisibility.Public,
                Properties = new BenefitLicenseKeysCreateProperties
                {
                    Prefix = "ACME",
                    Expires = new BenefitLicenseKeyExpirationProperties { Ttl = 1, Timeframe = "year" },
                    Activations = new BenefitLicenseKeyActivationCreateProperties { Limit = 3, EnableCustomerAdmin = true },
                },
            },
            cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent(
            """
            {"type":"license_keys","description":"Desktop license key","visibility":"public",
             "properties":{"prefix":"ACME","expires":{"ttl":1,"timeframe":"year"},"activations":{"limit":3,"enable_customer_admin":true}}}
            """,
            Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.IsType<BenefitLicenseKeys>(benefit);
    }

    [Fact]
    public async Task Update_of_each_type_sends_its_type_and_only_the_fields_set()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/benefits/{id}").Always(LoopbackResponse.Json(200, BenefitFixtures.MeterCredit));
        var client = server.CreateClient();

        await client.Benefits.UpdateAsync(BenefitFixtures.FeatureFlagId, new BenefitFeatureFlagUpdate { Description = "API access (v2)" }, cancellationToken: Ct);
        await client.Benefits.UpdateAsync(
            BenefitFixtures.MeterCreditId,
            new BenefitMeterCreditUpdate { Properties = new BenefitMeterCreditCreateProperties { Units = 20000, Rollover = true, MeterId = BenefitFixtures.ApiCallsMeterId } },
            cancellationToken: Ct);
        await client.Benefits.UpdateAsync(BenefitFixtures.CustomId, new BenefitCustomUpdate { Visibility = BenefitVisibility.Public }, cancellationToken: Ct);

        Assert.Equal(
            [$"/v1/benefits/{BenefitFixtures.FeatureFlagId}", $"/v1/benefits/{BenefitFixtures.MeterCreditId}", $"/v1/benefits/{BenefitFixtures.CustomId}"],
            server.Requests.Select(r => r.Path));
        // Exactly these fields, in any order (a member's own fields are written before the union's shared ones).
        ExactJson.Equal("""{"description":"API access (v2)","type":"feature_flag"}""", server.Requests[0].BodyText);
        ExactJson.Equal($$$"""{"type":"meter_credit","properties":{"units":20000,"rollover":true,"meter_id":"{{{BenefitFixtures.ApiCallsMeterId}}}"}}""", server.Requests[1].BodyText);
        ExactJson.Equal("""{"visibility":"public","type":"custom"}""", server.Requests[2].BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Delete_sends_DELETE_and_accepts_204()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", "/v1/benefits/{id}").Always(LoopbackResponse.Empty(204));
        var client = server.CreateClient();

        await client.Benefits.DeleteAsync(BenefitFixtures.CustomId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("DELETE", $"/v1/benefits/{BenefitFixtures.CustomId}"), (request.Method, request.Path));
        Assert.Null(request.BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Delete_of_an_undeletable_benefit_throws_permission_error_and_is_not_retried()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", "/v1/benefits/{id}").Always(LoopbackResponse.Json(403, """{"error":"NotPermitted","detail":"This benefit is not deletable."}"""));
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<PolarPermissionException>(() => client.Benefits.DeleteAsync(BenefitFixtures.CustomId, cancellationToken: Ct));

        Assert.Equal("NotPermitted", error.Error);
        Assert.Single(server.Requests);
    }
}
