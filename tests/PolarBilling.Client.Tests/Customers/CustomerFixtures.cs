using PolarBilling.Client.Tests.Conformance;

namespace PolarBilling.Client.Tests.Customers;

/// <summary>The ids and JSON files of Fixtures/Customers, shared by the customer tests.</summary>
internal static class CustomerFixtures
{
    public const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";
    public const string IndividualId = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70";
    public const string TeamId = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public const string ExternalId = "user_42";

    public static string Individual => ModelRoundTrip.Fixture("Customers/customer-individual.json");

    public static string Team => ModelRoundTrip.Fixture("Customers/customer-team.json");

    public static string FutureType => ModelRoundTrip.Fixture("Customers/customer-future-type.json");

    public static string StateIndividual => ModelRoundTrip.Fixture("Customers/customer-state-individual.json");

    public static string StateTeam => ModelRoundTrip.Fixture("Customers/customer-state-team.json");

    public static string EmailTaken => ModelRoundTrip.Fixture("Customers/error-422-email-taken.json");

    public static string ExternalIdTaken => ModelRoundTrip.Fixture("Customers/error-422-external-id-taken.json");

    /// <summary>A list page: <c>{"items": [...], "pagination": {...}}</c>.</summary>
    public static string Page(IEnumerable<string> items, long totalCount, int maxPage) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
}
