using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Events;

/// <summary>The event fixtures (Fixtures/Events) and the ids tests refer to.</summary>
internal static class EventFixtures
{
    public const string LlmCompletionId = "99c0d1e2-f3a4-4b5c-8d6e-8f9a0b1c2d3e";
    public const string ChildId = "aad1e2f3-a4b5-4c6d-9e7f-9a0b1c2d3e4f";
    public const string MeterCreditedId = "bbe2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a";
    public const string CustomerId = "992fae2a-2a17-4b7a-8d9e-e287cf90131b";
    public const string ApiCallsMeterId = "d498a884-e2cd-4d3e-8002-f536468a8b22";
    public const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";

    public static string LlmCompletion => ModelRoundTrip.Fixture("Events/event-user-llm-completion.json");

    public static string Child => ModelRoundTrip.Fixture("Events/event-user-child-for-member.json");

    public static string MeterCredited => ModelRoundTrip.Fixture("Events/event-system-meter-credited.json");

    public static string NumberedPage => ModelRoundTrip.Fixture("Events/events-page-numbered.json");

    public static string CursorPage => ModelRoundTrip.Fixture("Events/events-page-cursor.json");

    public static string NamesPage => ModelRoundTrip.Fixture("Events/event-names-page.json");

    public static string IngestResponse => ModelRoundTrip.Fixture("Events/ingest-response.json");

    public static string IngestResponseWithoutDuplicates => ModelRoundTrip.Fixture("Events/ingest-response-without-duplicates.json");

    /// <summary>A cursor-paged answer: <c>{"items": [...], "pagination": {"has_next_page": ...}}</c>.</summary>
    public static string CursorPageOf(bool hasNextPage, params string[] items) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"has_next_page":{{{(hasNextPage ? "true" : "false")}}}}}""";
}
