using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Refunds;

/// <summary>The ids and JSON files of Fixtures/Refunds, shared by the refund tests.</summary>
internal static class RefundFixtures
{
    public const string CustomerId = "6a1d4e2b-8c3f-4b5a-9e7d-1f2a3b4c5d6e";
    public const string OneTimeOrderId = "3f4a5b6c-7d8e-4f9a-9b0c-1d2e3f4a5b6c";
    public const string SubscriptionOrderId = "0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f";
    public const string SubscriptionId = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";

    public static string PendingPartial => Read("refund-pending-partial.json");

    public static string SucceededFull => Read("refund-succeeded-full-subscription.json");

    public static string DisputePrevention => Read("refund-dispute-prevention.json");

    /// <summary>A list page: <c>{"items": [...], "pagination": {...}}</c>.</summary>
    public static string Page(IEnumerable<string> items, long totalCount, int maxPage) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";

    private static string Read(string name) => ModelRoundTrip.Fixture("Refunds/" + name);
}
