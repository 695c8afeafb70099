using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Benefits;

/// <summary>The benefit fixtures (Fixtures/Benefits) and the ids tests refer to.</summary>
internal static class BenefitFixtures
{
    public const string FeatureFlagId = "5e7d9c1b-3a5f-4e7d-9c1b-3a5f7e9d1c3b";
    public const string MeterCreditId = "6f8e0d2c-4b6a-4f8e-8d2c-4b6a8f0e2d4c";
    public const string CustomId = "7a9f1e3d-5c7b-4a9f-9e3d-5c7b9a1f3e5d";
    public const string ApiCallsMeterId = "d498a884-e2cd-4d3e-8002-f536468a8b22";
    public const string CustomerId = "992fae2a-2a17-4b7a-8d9e-e287cf90131b";
    public const string MemberId = "0e2c4a6b-8d1f-4c3e-9a5b-7d9f1b3d5e7a";
    public const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";

    public static string FeatureFlag => ModelRoundTrip.Fixture("Benefits/benefit-feature-flag.json");

    public static string MeterCredit => ModelRoundTrip.Fixture("Benefits/benefit-meter-credit.json");

    public static string Custom => ModelRoundTrip.Fixture("Benefits/benefit-custom.json");

    public static string GrantsPage => ModelRoundTrip.Fixture("Benefits/grants-page.json");

    public static string Page(long totalCount, int maxPage, params string[] items) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
}
