using PolarBilling.Client;

namespace PolarBilling.Emulator.BenefitGrants;

/// <summary>The <c>type</c> of a benefit (each generated benefit class declares its own).</summary>
internal static class BenefitKinds
{
    public static string TypeOf(Benefit benefit) => benefit switch
    {
        BenefitCustom => "custom",
        BenefitDiscord => "discord",
        BenefitGitHubRepository => "github_repository",
        BenefitDownloadables => "downloadables",
        BenefitLicenseKeys => "license_keys",
        BenefitMeterCredit => "meter_credit",
        BenefitFeatureFlag => "feature_flag",
        BenefitSlackSharedChannel => "slack_shared_channel",
        _ => "unknown",
    };
}
