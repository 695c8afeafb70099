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
        var json = ModelProjection.WithProperty(fresh, "previous_properties", previous);
        return BenefitKinds.TypeOf(fresh.Benefit) switch
        {
            "custom" => PolarJson.Deserialize<BenefitGrantCustomWebhook>(json),
            "discord" => PolarJson.Deserialize<BenefitGrantDiscordWebhook>(json),
            "github_repository" => PolarJson.Deserialize<BenefitGrantGitHubRepositoryWebhook>(json),
            "downloadables" => PolarJson.Deserialize<BenefitGrantDownloadablesWebhook>(json),
            "license_keys" => PolarJson.Deserialize<BenefitGrantLicenseKeysWebhook>(json),
            "meter_credit" => PolarJson.Deserialize<BenefitGrantMeterCreditWebhook>(json),
            "feature_flag" => PolarJson.Deserialize<BenefitGrantFeatureFlagWebhook>(json),
            "slack_shared_channel" => PolarJson.Deserialize<BenefitGrantSlackSharedChannelWebhook>(json),
            _ => PolarJson.Deserialize<UnknownBenefitGrantWebhook>(json),
        };
    }
}
