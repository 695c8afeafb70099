using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Products;

/// <summary>The product fixtures (Fixtures/Products) and the ids tests refer to.</summary>
internal static class ProductFixtures
{
    public const string ProId = "8f0d2c4e-6a1b-4c3d-9e5f-7a8b9c0d1e2f";
    public const string ProFixedPriceId = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public const string ProMeteredPriceId = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    public const string ProArchivedPriceId = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
    public const string FreeId = "4c2a8e6d-1f3b-4a5c-8e7d-9f0a1b2c3d4e";
    public const string ApiCallsMeterId = "d498a884-e2cd-4d3e-8002-f536468a8b22";
    public const string FeatureFlagBenefitId = "5e7d9c1b-3a5f-4e7d-9c1b-3a5f7e9d1c3b";
    public const string MeterCreditBenefitId = "6f8e0d2c-4b6a-4f8e-8d2c-4b6a8f0e2d4c";
    public const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";

    public static string ProMonthly => ModelRoundTrip.Fixture("Products/product-pro-monthly.json");

    public static string Free => ModelRoundTrip.Fixture("Products/product-free.json");

    public static string PayWhatYouWant => ModelRoundTrip.Fixture("Products/product-ebook-pay-what-you-want.json");

    public static string TeamSeats => ModelRoundTrip.Fixture("Products/product-team-yearly-seats.json");

    /// <summary>A page of a list: <c>{"items": [...], "pagination": {"total_count", "max_page"}}</c>.</summary>
    public static string Page(long totalCount, int maxPage, params string[] items) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
}
