using System.Text.Json;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>Reads the vendored <c>spec/standard-webhooks-vectors.json</c> (copied to the test output).</summary>
internal static class StandardWebhooksVectors
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "spec", "standard-webhooks-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    public static IReadOnlyList<JsonElement> VerifyCases => [.. Root.Value.GetProperty("verify_cases").EnumerateArray()];

    public static IReadOnlyList<JsonElement> DerivedCases => [.. Root.Value.GetProperty("derived_cases").GetProperty("cases").EnumerateArray()];

    public static IReadOnlyList<JsonElement> SignVectors => [.. Root.Value.GetProperty("sign_vectors").EnumerateArray()];

    public static IReadOnlyList<JsonElement> SignErrorCases => [.. Root.Value.GetProperty("sign_error_cases").EnumerateArray()];

    public static IReadOnlyList<JsonElement> SecretParsingCases => [.. Root.Value.GetProperty("secret_parsing_cases").EnumerateArray()];

    public static IReadOnlyList<JsonElement> PolarKeyDerivationVectors =>
        [.. Root.Value.GetProperty("polar_key_derivation_vectors").GetProperty("cases").EnumerateArray()];

    public static int ToleranceSeconds => Root.Value.GetProperty("conventions").GetProperty("tolerance_seconds").GetInt32();

    /// <summary>Every verify case, original and derived, by name.</summary>
    public static JsonElement VerifyCase(string name) =>
        VerifyCases.Concat(DerivedCases).Single(c => c.GetProperty("name").GetString() == name);

    public static JsonElement Named(IReadOnlyList<JsonElement> cases, string name) =>
        cases.Single(c => c.GetProperty("name").GetString() == name);

    public static string String(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static bool Flag(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.GetBoolean();
}
