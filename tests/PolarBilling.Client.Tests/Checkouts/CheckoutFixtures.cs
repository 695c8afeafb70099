using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Checkouts;

/// <summary>The ids and JSON files of Fixtures/Checkouts, shared by the checkout tests.</summary>
internal static class CheckoutFixtures
{
    public const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";
    public const string ProMonthlyId = "8e2f3c4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    public const string ProYearlyId = "9f3a4b5c-6d7e-4f80-9a1b-2c3d4e5f6a7b";
    public const string OpenCheckoutId = "c7a1e2b3-4d5f-4a6b-9c8d-7e6f5a4b3c2d";
    public const string SucceededCheckoutId = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
    public const string CustomerId = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70";
    public const string LaunchDiscountId = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51";
    public const string ClientSecret = "polar_c_Zk3v9QmT2xLr8WbN4pYh6sJd1fGa7cUe0oKq5R2";

    public static string Open => ModelRoundTrip.Fixture("Checkouts/checkout-open-trial-percentage-discount.json");

    public static string Succeeded => ModelRoundTrip.Fixture("Checkouts/checkout-succeeded-fixed-discount.json");

    public static string OpenWithRepeatingDiscount => ModelRoundTrip.Fixture("Checkouts/checkout-open-repeating-discount.json");

    public static string Public => ModelRoundTrip.Fixture("Checkouts/checkout-public.json");

    public static string PublicConfirmed => ModelRoundTrip.Fixture("Checkouts/checkout-public-confirmed.json");

    /// <summary>A list page: <c>{"items": [...], "pagination": {...}}</c>.</summary>
    public static string Page(IEnumerable<string> items, long totalCount, int maxPage) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
}
