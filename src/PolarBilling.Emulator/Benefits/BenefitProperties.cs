using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Benefits;

/// <summary>
/// A benefit's <c>properties</c> as Polar's strategies validate and store them (server
/// <c>benefit/strategies/*/service.py validate_properties</c>). Custom, feature flag, meter credit, license keys and
/// GitHub repository benefits are stored as sent (the GitHub app check is skipped: the emulator reaches no outside
/// service). Downloadables must name uploaded files and Discord a connected server; the emulator has neither, so
/// those fail as Polar fails for unknown ones. Slack needs the organization's preview flag.
/// </summary>
internal static class BenefitProperties
{
    /// <summary>A new benefit of <paramref name="type"/> holding <paramref name="properties"/>, or Polar's 422.</summary>
    /// <exception cref="EmulatorProblem">422 with the loc Polar gives (under <c>body.properties</c>).</exception>
    public static Benefit Create(EmulatorState state, string type, JsonElement properties)
    {
        Check(state, type, properties);
        return type switch
        {
            "custom" => new BenefitCustom { Properties = Read<BenefitCustomProperties>(properties) },
            "feature_flag" => new BenefitFeatureFlag { Properties = Read<BenefitFeatureFlagProperties>(properties) },
            "meter_credit" => new BenefitMeterCredit { Properties = Read<BenefitMeterCreditProperties>(properties) },
            "license_keys" => new BenefitLicenseKeys { Properties = Read<BenefitLicenseKeysProperties>(properties) },
            "github_repository" => new BenefitGitHubRepository { Properties = Read<BenefitGitHubRepositoryProperties>(properties) },
            "downloadables" => new BenefitDownloadables { Properties = Read<BenefitDownloadablesProperties>(properties) },
            "slack_shared_channel" => new BenefitSlackSharedChannel { Properties = Read<BenefitSlackSharedChannelProperties>(properties) },
            _ => throw Problems.Validation(ValidationIssue.BodyValue("type", $"Unsupported benefit type '{type}'.", type)),
        };
    }

    /// <summary>Replaces the properties of <paramref name="benefit"/> (same type) after the same checks as on create.</summary>
    public static void Replace(EmulatorState state, Benefit benefit, string type, JsonElement properties)
    {
        var fresh = Create(state, type, properties);
        switch (benefit)
        {
            case BenefitCustom b: b.Properties = ((BenefitCustom)fresh).Properties; break;
            case BenefitFeatureFlag b: b.Properties = ((BenefitFeatureFlag)fresh).Properties; break;
            case BenefitMeterCredit b: b.Properties = ((BenefitMeterCredit)fresh).Properties; break;
            case BenefitLicenseKeys b: b.Properties = ((BenefitLicenseKeys)fresh).Properties; break;
            case BenefitGitHubRepository b: b.Properties = ((BenefitGitHubRepository)fresh).Properties; break;
            case BenefitDownloadables b: b.Properties = ((BenefitDownloadables)fresh).Properties; break;
            case BenefitSlackSharedChannel b: b.Properties = ((BenefitSlackSharedChannel)fresh).Properties; break;
            default: break;
        }
    }

    private static void Check(EmulatorState state, string type, JsonElement properties)
    {
        switch (type)
        {
            case "meter_credit" when state.Meters.Find(properties.GetProperty("meter_id").GetString()) is null:
                throw Problems.Validation(new ValidationIssue("value_error", ["body", "properties", "meter_id"], "This meter does not exist.", properties.GetProperty("meter_id").GetString()));
            case "downloadables":
                var issues = properties.GetProperty("files").EnumerateArray()
                    .Select((file, index) => new ValidationIssue("value_error", ["body", "properties", "files", index], "File not found.", file.GetString()))
                    .ToList();
                if (issues.Count > 0)
                {
                    throw Problems.Validation(issues);
                }

                break;
            case "discord":
                throw Problems.Validation(new ValidationIssue("guild_not_connected", ["body", "properties", "guild_id"], "This organization has not connected this Discord server. Please connect it again.", JsonNode.Parse(properties.GetProperty("guild_token").GetRawText())));
            case "slack_shared_channel" when !state.OrganizationProfile.FeatureEnabled(f => f.SlackBenefitEnabled == true):
                throw Problems.Validation(ValidationIssue.BodyValue("type", "Slack shared channel benefit is not enabled for this organization.", type));
            default:
                break;
        }
    }

    private static T Read<T>(JsonElement properties) => PolarJson.Deserialize<T>(properties.GetRawText());
}
