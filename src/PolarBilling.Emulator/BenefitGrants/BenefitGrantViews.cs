using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.BenefitGrants;

/// <summary>A grant as Polar answers it (customer and benefit read fresh) and as its webhooks carry it (with <c>previous_properties</c>).</summary>
internal static class BenefitGrantViews
{
    public static BenefitGrant Refresh(EmulatorState state, BenefitGrant grant)
    {
        if (state.Customers.Find(grant.CustomerId) is { } customer)
        {
            grant.Customer = customer;
        }

        if (state.Benefits.Find(grant.BenefitId) is { } benefit)
        {
            grant.Benefit = benefit;
        }

        return grant;
    }

    /// <summary>
    /// The <c>BenefitGrantWebhook</c> member for the benefit's type. Built by type rather than parsed: every member has
    /// the same top-level keys, so only the benefit's <c>type</c> tells them apart.
    /// </summary>
    public static BenefitGrantWebhook Webhook(EmulatorState state, BenefitGrant grant, BenefitGrantProperties previous)
    {
        var fresh = Refresh(state, grant);
        var json = JsonNode.Parse(PolarJson.SerializeToUtf8Bytes(fresh))!.AsObject();
        json["previous_properties"] = JsonNode.Parse(PolarJson.SerializeToUtf8Bytes(previous));
        var text = json.ToJsonString();
        return BenefitKinds.TypeOf(fresh.Benefit) switch
        {
            "custom" => PolarJson.Deserialize<BenefitGrantCustomWebhook>(text),
            "discord" => PolarJson.Deserialize<BenefitGrantDiscordWebhook>(text),
            "github_repository" => PolarJson.Deserialize<BenefitGrantGitHubRepositoryWebhook>(text),
            "downloadables" => PolarJson.Deserialize<BenefitGrantDownloadablesWebhook>(text),
            "license_keys" => PolarJson.Deserialize<BenefitGrantLicenseKeysWebhook>(text),
            "meter_credit" => PolarJson.Deserialize<BenefitGrantMeterCreditWebhook>(text),
            "feature_flag" => PolarJson.Deserialize<BenefitGrantFeatureFlagWebhook>(text),
            "slack_shared_channel" => PolarJson.Deserialize<BenefitGrantSlackSharedChannelWebhook>(text),
            _ => PolarJson.Deserialize<UnknownBenefitGrantWebhook>(text),
        };
    }
}
