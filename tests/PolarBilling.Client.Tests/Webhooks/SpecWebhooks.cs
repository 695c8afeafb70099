using System.Text.Json;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>The webhook events of the vendored spec and the model each one's <c>data</c> refers to.</summary>
internal static class SpecWebhooks
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Models = new(Load);

    /// <summary>Event type to data schema name, for the 41 webhooks in <c>spec/polar-openapi.json</c>.</summary>
    public static IReadOnlyDictionary<string, string> DataModels => Models.Value;

    /// <summary>The data model of any of the 42 types; <c>subscription.migrated</c> (API 2026-10) carries a Subscription.</summary>
    public static string DataModel(string type) => type == "subscription.migrated" ? "Subscription" : DataModels[type];

    /// <summary>The class an event type parses into: <c>customer_seat.assigned</c> gives <c>CustomerSeatAssignedWebhookEvent</c>.</summary>
    public static string ClassName(string type) =>
        string.Concat(type.Split('.', '_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "WebhookEvent";

    private static Dictionary<string, string> Load()
    {
        using var spec = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "spec", "polar-openapi.json")));
        var schemas = spec.RootElement.GetProperty("components").GetProperty("schemas");
        return spec.RootElement.GetProperty("webhooks").EnumerateObject().ToDictionary(
            webhook => webhook.Name,
            webhook =>
            {
                var payload = RefName(webhook.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content")
                    .GetProperty("application/json").GetProperty("schema"));
                return RefName(schemas.GetProperty(payload).GetProperty("properties").GetProperty("data"));
            });
    }

    private static string RefName(JsonElement schema) => schema.GetProperty("$ref").GetString()!.Split('/')[^1];
}
