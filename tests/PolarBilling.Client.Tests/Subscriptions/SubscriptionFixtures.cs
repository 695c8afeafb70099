using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Subscriptions;

/// <summary>The ids and JSON files of Fixtures/Subscriptions, shared by the subscription tests.</summary>
internal static class SubscriptionFixtures
{
    public const string CustomerId = "6a1d4e2b-8c3f-4b5a-9e7d-1f2a3b4c5d6e";
    public const string ProMonthlyId = "8e2f3c4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    public const string TeamId = "4c7d9e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f";
    public const string HobbyId = "2d4f6a8c-0e1b-4d3f-9a5c-7e9b1d3f5a7c";
    public const string LaunchDiscountId = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51";
    public const string TrialingId = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
    public const string SeatsId = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
    public const string CanceledAtPeriodEndId = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a";

    public const string SubscriptionPath = "/v1/subscriptions/{id}";

    public static string Trialing => Read("subscription-trialing.json");

    public static string ActiveSeats => Read("subscription-active-seats-discount-pending.json");

    public static string CanceledAtPeriodEnd => Read("subscription-canceled-at-period-end.json");

    public static string PastDueMeteredTeam => Read("subscription-past-due-metered-team.json");

    public static string Paused => Read("subscription-paused.json");

    public static string RevokedYearly => Read("subscription-revoked-yearly.json");

    public static string FreeCreated => Read("subscription-free-created.json");

    public static IReadOnlyList<string> All => [Trialing, ActiveSeats, CanceledAtPeriodEnd, PastDueMeteredTeam, Paused, RevokedYearly, FreeCreated];

    /// <summary>A list page: <c>{"items": [...], "pagination": {...}}</c>.</summary>
    public static string Page(IEnumerable<string> items, long totalCount, int maxPage) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";

    private static string Read(string name) => ModelRoundTrip.Fixture("Subscriptions/" + name);
}
