using PolarBilling.Client;

namespace PolarBilling.Emulator.Customers;

/// <summary>The <c>type</c> discriminator of a benefit, which the generated union keeps on each concrete class.</summary>
internal static class BenefitKinds
{
    public static string Of(Benefit? benefit) => benefit switch
    {
        BenefitCustom b => b.Type,
        BenefitDiscord b => b.Type,
        BenefitDownloadables b => b.Type,
        BenefitFeatureFlag b => b.Type,
        BenefitGitHubRepository b => b.Type,
        BenefitLicenseKeys b => b.Type,
        BenefitMeterCredit b => b.Type,
        BenefitSlackSharedChannel b => b.Type,
        _ => "custom",
    };
}
