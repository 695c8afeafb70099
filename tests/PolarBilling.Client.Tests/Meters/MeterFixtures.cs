using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Meters;

/// <summary>The meter fixtures (Fixtures/Meters) and the ids tests refer to.</summary>
internal static class MeterFixtures
{
    public const string ApiCallsId = "d498a884-e2cd-4d3e-8002-f536468a8b22";
    public const string TokensId = "7c6b5a49-3827-4165-9a8b-7c6d5e4f3a2b";
    public const string StorageId = "2f4e6d8c-0b1a-4f3e-9d5c-7b9a1f3e5d7c";
    public const string CustomerId = "992fae2a-2a17-4b7a-8d9e-e287cf90131b";
    public const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";

    public static string ApiCalls => ModelRoundTrip.Fixture("Meters/meter-api-calls.json");

    public static string Tokens => ModelRoundTrip.Fixture("Meters/meter-llm-tokens.json");

    public static string StorageArchived => ModelRoundTrip.Fixture("Meters/meter-storage-archived.json");

    public static string Quantities => ModelRoundTrip.Fixture("Meters/meter-quantities.json");

    public static string Page(long totalCount, int maxPage, params string[] items) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
}
