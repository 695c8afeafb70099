using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Products;
using Xunit;

namespace PolarBilling.Client.Tests.Benefits;

/// <summary>Every benefit type reads into its own class, round-trips against the spec, and unknown types survive.</summary>
public sealed class BenefitModelTests
{
    public static TheoryData<string, Type> Fixtures() => new()
    {
        { "benefit-feature-flag.json", typeof(BenefitFeatureFlag) },
        { "benefit-meter-credit.json", typeof(BenefitMeterCredit) },
        { "benefit-custom.json", typeof(BenefitCustom) },
        { "benefit-custom-without-note.json", typeof(BenefitCustom) },
        { "benefit-discord.json", typeof(BenefitDiscord) },
        { "benefit-github-repository.json", typeof(BenefitGitHubRepository) },
        { "benefit-downloadables.json", typeof(BenefitDownloadables) },
        { "benefit-license-keys.json", typeof(BenefitLicenseKeys) },
        { "benefit-license-keys-unlimited.json", typeof(BenefitLicenseKeys) },
        { "benefit-slack-shared-channel.json", typeof(BenefitSlackSharedChannel) },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_benefit_type_reads_as_its_member_and_round_trips_against_the_spec(string file, Type expected)
    {
        var json = ModelRoundTrip.Fixture($"Benefits/{file}");

        var benefit = ModelRoundTrip.Assert<Benefit>("Benefit", json);

        Assert.IsType(expected, benefit);
        ModelRoundTrip.Assert<Benefit>(expected.Name, json);
    }

    [Fact]
    public void Feature_flag_meter_credit_and_custom_benefits_read_their_properties()
    {
        var flag = Assert.IsType<BenefitFeatureFlag>(PolarJson.Deserialize<Benefit>(BenefitFixtures.FeatureFlag));
        var credit = Assert.IsType<BenefitMeterCredit>(PolarJson.Deserialize<Benefit>(BenefitFixtures.MeterCredit));
        var custom = Assert.IsType<BenefitCustom>(PolarJson.Deserialize<Benefit>(BenefitFixtures.Custom));

        Assert.Equal(("feature_flag", "API access", "api-access"), (flag.Type, flag.Description, flag.Metadata["feature"].ToString()));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 11, 0, 0, TimeSpan.Zero), flag.ModifiedAt);
        Assert.Equal((10000L, false, BenefitFixtures.ApiCallsMeterId), (credit.Properties.Units, credit.Properties.Rollover, credit.Properties.MeterId));
        Assert.Null(credit.ModifiedAt);
        Assert.Equal(BenefitVisibility.Private, custom.Visibility);
        Assert.Equal("Email support@example.com with your order number.", custom.Properties.Note);
    }

    [Fact]
    public void A_benefit_of_an_unknown_type_reads_as_unknown_and_writes_back_unchanged()
    {
        var json = JsonNode.Parse(BenefitFixtures.FeatureFlag)!;
        json["type"] = "physical_goods";
        json["properties"] = new JsonObject { ["sku"] = "MUG-01" };

        var benefit = PolarJson.Deserialize<Benefit>(json.ToJsonString());

        var unknown = Assert.IsType<UnknownBenefit>(benefit);
        Assert.Equal((BenefitFixtures.FeatureFlagId, "API access"), (unknown.Id, unknown.Description));
        Assert.Equal("physical_goods", unknown.AdditionalProperties!["type"].GetString());
        ModelRoundTrip.AssertEquivalent(json.ToJsonString(), PolarJson.Serialize(benefit));
    }

    [Fact]
    public void An_unknown_visibility_is_kept()
    {
        var json = JsonNode.Parse(BenefitFixtures.MeterCredit)!;
        json["visibility"] = "hidden_in_portal";

        var benefit = PolarJson.Deserialize<Benefit>(json.ToJsonString());

        Assert.Equal("hidden_in_portal", benefit.Visibility.Value);
        Assert.False(benefit.Visibility.IsKnown);
    }
}
