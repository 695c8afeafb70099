using System.Text.Json.Serialization;

namespace PolarBilling.Client.Webhooks;

/// <summary>Source-generated JSON metadata for the webhook envelope and events.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PolarPagination))]
internal sealed partial class WebhooksJsonContext : JsonSerializerContext;
