using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Products;
using Xunit;

namespace PolarBilling.Client.Tests.BenefitGrants;

/// <summary>Benefit grants: granted, revoked with an error and a member, pending; all round-trip against the spec.</summary>
public sealed class BenefitGrantModelTests
{
    public static TheoryData<string> Fixtures() =>
        ["grant-feature-flag-granted.json", "grant-license-key-revoked-for-member.json", "grant-discord-pending.json"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_grant_fixture_round_trips_against_the_spec(string file) =>
        ModelRoundTrip.AssertFixture<BenefitGrant>("BenefitGrant", $"BenefitGrants/{file}");

    [Fact]
    public void A_granted_feature_flag_reads_its_subscription_customer_and_benefit()
    {
        var grant = ModelRoundTrip.AssertFixture<BenefitGrant>("BenefitGrant", "BenefitGrants/grant-feature-flag-granted.json");

        Assert.True(grant.IsGranted);
        Assert.False(grant.IsRevoked);
        Assert.Null(grant.RevokedAt);
        Assert.Equal("22b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d", grant.SubscriptionId);
        Assert.Null(grant.OrderId);
        Assert.Null(grant.Error);
        Assert.Equal("ada@example.com", Assert.IsType<CustomerIndividual>(grant.Customer).Email);
        Assert.Equal("api-access", Assert.IsType<BenefitFeatureFlag>(grant.Benefit).Metadata["feature"].ToString());
        Assert.IsType<BenefitGrantCustomProperties>(grant.Properties);
    }

    [Fact]
    public void A_revoked_license_key_grant_reads_its_error_member_and_key()
    {
        var grant = ModelRoundTrip.AssertFixture<BenefitGrant>("BenefitGrant", "BenefitGrants/grant-license-key-revoked-for-member.json");

        Assert.Equal((false, true), (grant.IsGranted, grant.IsRevoked));
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 10, 0, TimeSpan.Zero), grant.RevokedAt);
        Assert.Equal("License key service unavailable", grant.Error!.Message);
        Assert.Equal(("user_1001", "0e2c4a6b-8d1f-4c3e-9a5b-7d9f1b3d5e7a"), (grant.Member!.ExternalId, grant.MemberId));
        Assert.Null(Assert.IsType<CustomerTeam>(grant.Customer).Email);
        Assert.Equal("****-2Q9X", Assert.IsType<BenefitGrantLicenseKeysProperties>(grant.Properties).DisplayKey);
    }

    [Fact]
    public void A_pending_grant_has_no_granted_at_and_discord_properties()
    {
        var grant = ModelRoundTrip.AssertFixture<BenefitGrant>("BenefitGrant", "BenefitGrants/grant-discord-pending.json");

        Assert.Null(grant.GrantedAt);
        Assert.Null(grant.Member);
        Assert.Equal("1180000000000000777", Assert.IsType<BenefitGrantDiscordProperties>(grant.Properties).RoleId);
    }

    [Fact]
    public void Meter_credit_grant_properties_missing_from_the_spec_union_are_kept_and_written_back()
    {
        // Polar's BenefitGrant.properties union omits BenefitGrantMeterCreditProperties: they read as custom properties
        // with the fields kept aside, so nothing is lost.
        var json = JsonNode.Parse(ModelRoundTrip.Fixture("BenefitGrants/grant-feature-flag-granted.json"))!;
        json["properties"] = new JsonObject
        {
            ["last_credited_meter_id"] = "d498a884-e2cd-4d3e-8002-f536468a8b22",
            ["last_credited_units"] = 10000,
            ["last_credited_at"] = "2026-06-01T00:00:01Z",
        };

        var grant = PolarJson.Deserialize<BenefitGrant>(json.ToJsonString());

        Assert.Equal(10000, grant.Properties.AdditionalProperties!["last_credited_units"].GetInt32());
        ModelRoundTrip.AssertEquivalent(json.ToJsonString(), PolarJson.Serialize(grant));
    }
}
