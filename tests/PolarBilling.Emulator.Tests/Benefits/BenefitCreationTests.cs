using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Products;
using Xunit;

namespace PolarBilling.Emulator.Tests.Benefits;

public sealed class BenefitCreationTests : EmulatorTest
{
    [Fact]
    public async Task A_feature_flag_is_created_public_deletable_and_announced()
    {
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", new Dictionary<string, MetadataValue> { ["key"] = "api" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("API access", flag.Description);
        Assert.Equal(BenefitVisibility.Public, flag.Visibility);
        Assert.True(flag.Selectable);
        Assert.True(flag.Deletable);
        Assert.False(flag.IsDeleted);
        Assert.True(flag.VisibilityConfigurable);
        Assert.Equal(Emulator.OrganizationId, flag.OrganizationId);
        Assert.Equal("api", flag.Metadata["key"].ToString());
        var created = (BenefitCreatedWebhookEvent)Assert.Single(AssertWebhooks("benefit.created"));
        Assert.Equal(flag.Id, created.Data.Id);
    }

    [Fact]
    public async Task A_custom_benefit_keeps_its_note_and_visibility()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/benefits/", """
            {"type": "custom", "description": "Priority support", "visibility": "private", "properties": {"note": "Mail us"}}
            """);

        Assert.Equal(201, status);
        Assert.Equal("private", (string?)body!["visibility"]);
        Assert.Equal("Mail us", (string?)body["properties"]!["note"]);
    }

    [Fact]
    public async Task A_meter_credit_needs_an_existing_meter()
    {
        var meter = CatalogSetup.AddMeter(Emulator, "Tokens");
        var ct = TestContext.Current.CancellationToken;

        var credit = await Polar.Benefits.CreateMeterCreditAsync("10k tokens", meter.Id, 10_000, rollover: true, cancellationToken: ct);
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/benefits/", """
            {"type": "meter_credit", "description": "Credits", "properties": {"units": 5, "rollover": false, "meter_id": "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"}}
            """);

        Assert.Equal(10_000, credit.Properties.Units);
        Assert.True(credit.Properties.Rollover);
        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","properties","meter_id"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("This meter does not exist.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task License_keys_and_github_repository_benefits_are_stored_as_sent()
    {
        var (keyStatus, keys) = await SendAsync(HttpMethod.Post, "/v1/benefits/", """
            {"type": "license_keys", "description": "License key", "properties": {"prefix": "ACME", "expires": {"ttl": 1, "timeframe": "year"},
             "activations": {"limit": 3, "enable_customer_admin": true}, "limit_usage": null}}
            """);
        var (repoStatus, repo) = await SendAsync(HttpMethod.Post, "/v1/benefits/", """
            {"type": "github_repository", "description": "Source access", "properties": {"repository_owner": "acme", "repository_name": "sdk", "permission": "pull"}}
            """);

        Assert.Equal(201, keyStatus);
        Assert.Equal(3, (int)keys!["properties"]!["activations"]!["limit"]!);
        Assert.Equal(201, repoStatus);
        Assert.Equal("public", (string?)repo!["visibility"]);
        Assert.False((bool)repo["visibility_configurable"]!);
        AssertWebhooks("benefit.created", "benefit.created");
    }

    [Fact]
    public async Task Downloadables_must_name_uploaded_files()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/benefits/", """
            {"type": "downloadables", "description": "Installer", "properties": {"files": ["4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"]}}
            """);

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","properties","files",0]""", issue["loc"]!.ToJsonString());
        Assert.Equal("File not found.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task Discord_needs_a_connected_server()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/benefits/", """
            {"type": "discord", "description": "Community", "properties": {"guild_token": "token", "role_id": "1", "kick_member": false}}
            """);

        Assert.Equal(422, status);
        Assert.Equal("guild_not_connected", (string?)body!["detail"]![0]!["type"]);
    }

    [Fact]
    public async Task Slack_channels_need_the_organizations_preview_flag()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/benefits/", """
            {"type": "slack_shared_channel", "description": "Shared channel", "properties": {"slack_integration_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "channel_name_template": "acme"}}
            """);

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","type"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Slack shared channel benefit is not enabled for this organization.", (string?)issue["msg"]);
        Assert.Empty(AssertWebhooks());
    }
}
