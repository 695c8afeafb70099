using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Discounts;

/// <summary>The ids and JSON files of Fixtures/Discounts, shared by the discount tests.</summary>
internal static class DiscountFixtures
{
    public const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";
    public const string ProMonthlyId = "8e2f3c4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    public const string PercentageOnceId = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51";
    public const string FixedRepeatingId = "b4c5d6e7-f8a9-4b0c-9d1e-2f3a4b5c6d74";

    public static string PercentageOnce => ModelRoundTrip.Fixture("Discounts/discount-percentage-once.json");

    public static string FixedForever => ModelRoundTrip.Fixture("Discounts/discount-fixed-forever.json");

    public static string PercentageRepeating => ModelRoundTrip.Fixture("Discounts/discount-percentage-repeating.json");

    public static string FixedRepeating => ModelRoundTrip.Fixture("Discounts/discount-fixed-repeating.json");

    public static string FutureType => ModelRoundTrip.Fixture("Discounts/discount-future-type.json");

    /// <summary>A list page: <c>{"items": [...], "pagination": {...}}</c>.</summary>
    public static string Page(IEnumerable<string> items, long totalCount, int maxPage) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
}
