using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Products;
using Xunit;

namespace PolarBilling.Emulator.Tests.Organizations;

public sealed class OrganizationUpdateTests : EmulatorTest
{
    [Fact]
    public async Task Profile_fields_change_and_are_announced()
    {
        Clock.Advance(TimeSpan.FromMinutes(3));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """
            {"name": "Acme Labs", "email": "billing@acme.test", "website": "https://acme.test",
             "socials": [{"platform": "github", "url": "https://github.com/acme"}], "default_tax_behavior": "inclusive"}
            """);

        Assert.Equal(200, status);
        Assert.Equal("Acme Labs", (string?)body!["name"]);
        Assert.Equal("billing@acme.test", (string?)body["email"]);
        Assert.Equal("github", (string?)body["socials"]![0]!["platform"]);
        Assert.Equal("inclusive", (string?)body["default_tax_behavior"]);
        var updated = (OrganizationUpdatedWebhookEvent)Assert.Single(AssertWebhooks("organization.updated"));
        Assert.Equal("Acme Labs", updated.Data.Name);
        Assert.Equal(Clock.GetUtcNow(), updated.Data.ModifiedAt);
        lock (Emulator.State.Gate)
        {
            Assert.Equal("Acme Labs", Emulator.State.Organization.Name);
        }
    }

    [Fact]
    public async Task The_proration_setting_becomes_the_default_for_subscription_changes()
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """
            {"subscription_settings": {"allow_multiple_subscriptions": true, "proration_behavior": "invoice",
             "benefit_revocation_grace_period": 7, "prevent_trial_abuse": true, "allow_customer_updates": false}}
            """);

        Assert.Equal(200, status);
        Assert.Equal("invoice", (string?)body!["proration_behavior"]);
        Assert.Equal(7, (int)body["subscription_settings"]!["benefit_revocation_grace_period"]!);
        Assert.False((bool)body["allow_customer_updates"]!);
        lock (Emulator.State.Gate)
        {
            Assert.Equal("invoice", Emulator.State.Organization.ProrationBehavior);
        }
    }

    [Fact]
    public async Task The_reset_proration_needs_its_feature()
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """
            {"subscription_settings": {"allow_multiple_subscriptions": false, "proration_behavior": "reset",
             "benefit_revocation_grace_period": 0, "prevent_trial_abuse": false, "allow_customer_updates": true}}
            """);

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","subscription_settings","proration_behavior"]""", issue["loc"]!.ToJsonString());
        Assert.Empty(AssertWebhooks());
    }

    [Fact]
    public async Task Seat_pricing_needs_the_member_model_first()
    {
        var (refused, body) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """{"feature_settings": {"seat_based_pricing_enabled": true}}""");
        var (accepted, enabled) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """{"feature_settings": {"seat_based_pricing_enabled": true, "member_model_enabled": true}}""");

        Assert.Equal(422, refused);
        Assert.Equal("Member model must be enabled before enabling seat-based pricing.", (string?)body!["detail"]![0]!["msg"]);
        Assert.Equal(200, accepted);
        Assert.True((bool)enabled!["feature_settings"]!["seat_based_pricing_enabled"]!);
    }

    [Fact]
    public async Task The_default_currency_changes_only_when_every_product_has_it()
    {
        await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """{"default_presentment_currency": "eur"}""");

        Assert.Equal(422, status);
        Assert.Equal("All active products must have prices in the new currency.", (string?)body!["detail"]![0]!["msg"]);
    }

    [Fact]
    public async Task Enforcing_sso_without_a_connection_conflicts()
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """{"sso_enforced": true}""");

        Assert.Equal(409, status);
        Assert.Equal("SSOEnforcementRequiresConnection", (string?)body!["error"]);
    }

    [Fact]
    public async Task Another_organization_is_not_found()
    {
        var (status, _) = await SendAsync(HttpMethod.Patch, "/v1/organizations/0a8f6a1e-8d8b-4b8e-8a5d-3a2c1b0f9e8d", """{"name": "Nope"}""");

        Assert.Equal(404, status);
    }
}
