using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.WebhookEndpoints;

/// <summary>The ids and JSON files of Fixtures/WebhookEndpoints, shared by the webhook endpoint tests.</summary>
internal static class WebhookEndpointFixtures
{
    public const string EndpointId = "a6b7c8d9-e0f1-4a2b-9c3d-5e6f7a8b9c0d";
    public const string FailedEventId = "f1a2b3c4-d5e6-4f7a-8b8c-0d1e2f3a4b5c";

    public const string EndpointPath = "/v1/webhooks/endpoints/{id}";

    public static string Raw => Read("endpoint-raw.json");

    public static string DisabledDiscord => Read("endpoint-disabled-discord.json");

    public static string DeliverySucceeded => Read("delivery-succeeded.json");

    public static string DeliveryFailed => Read("delivery-failed-5xx.json");

    public static string DeliveryNoAnswerArchived => Read("delivery-no-answer-archived.json");

    /// <summary>A list page: <c>{"items": [...], "pagination": {...}}</c>.</summary>
    public static string Page(IEnumerable<string> items, long totalCount, int maxPage) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";

    private static string Read(string name) => ModelRoundTrip.Fixture("WebhookEndpoints/" + name);
}
