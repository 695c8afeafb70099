using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Orders;

/// <summary>The ids and JSON files of Fixtures/Orders, shared by the order tests.</summary>
internal static class OrderFixtures
{
    public const string CustomerId = "6a1d4e2b-8c3f-4b5a-9e7d-1f2a3b4c5d6e";
    public const string PaidId = "0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f";
    public const string PartiallyRefundedId = "3f4a5b6c-7d8e-4f9a-9b0c-1d2e3f4a5b6c";
    public const string DraftId = "5b6c7d8e-9f0a-4b1c-9d2e-3f4a5b6c7d8e";
    public const string EbookId = "9c1e3a5b-7d9f-4b1c-8e3a-5c7e9a1b3d5f";
    public const string TeamId = "4c7d9e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f";
    public const string SeatsSubscriptionId = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";

    public const string OrderPath = "/v1/orders/{id}";

    public static string PaidSubscriptionCreate => Read("order-paid-subscription-create.json");

    public static string PartiallyRefundedOneTime => Read("order-partially-refunded-one-time.json");

    public static string DraftOffSession => Read("order-draft-off-session.json");

    public static string PendingRenewalWithProration => Read("order-pending-renewal-proration.json");

    public static string Invoice => Read("order-invoice.json");

    public static string Receipt => Read("order-receipt.json");

    public static IReadOnlyList<string> All => [PaidSubscriptionCreate, PartiallyRefundedOneTime, DraftOffSession, PendingRenewalWithProration];

    /// <summary>A list page: <c>{"items": [...], "pagination": {...}}</c>.</summary>
    public static string Page(IEnumerable<string> items, long totalCount, int maxPage) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";

    private static string Read(string name) => ModelRoundTrip.Fixture("Orders/" + name);
}
