using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Organizations;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Products;

internal static partial class ProductsApi
{
    /// <summary>
    /// <c>POST /v1/products/</c>: a recurring product when <c>recurring_interval</c> is set, else one-time (Polar's
    /// discriminator). Price amounts are checked first (pydantic), then every rule of the service at once, then
    /// the product is stored and <c>product.created</c> goes out.
    /// </summary>
    private static IResult Create(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var body = context.Body();
            var recurring = body.TryGetProperty("recurring_interval", out var interval) && interval.ValueKind == JsonValueKind.String;
            var prices = body.GetProperty("prices");
            var schemaIssues = PriceSchemaChecks.Check(prices, ["body", recurring ? "recurring" : "one_time", "prices"]);
            if (schemaIssues.Count > 0)
            {
                throw Problems.Validation(schemaIssues, "RequestValidationError");
            }

            PayloadOrganization.Check(body);
            var errors = new List<ValidationIssue>();
            var id = PolarTokens.NewId();
            var (newPrices, _) = ProductPriceRules.Read(state, prices, recurring, null, id, errors);
            var meterInterval = Text(body, "meter_interval");
            if (meterInterval is not null && !state.OrganizationProfile.FeatureEnabled(f => f.MeterCyclingEnabled == true))
            {
                errors.Add(ValidationIssue.BodyValue("meter_interval", "Separate meter cycling is not enabled for this organization.", meterInterval));
            }

            CheckAttachments(body, errors);
            if (errors.Count > 0)
            {
                throw Problems.Validation(errors);
            }

            var product = new Product
            {
                Id = id,
                CreatedAt = state.Now,
                ModifiedAt = null,
                Name = body.GetProperty("name").GetString()!.Trim(),
                Description = EmptyToNull(Text(body, "description")),
                Visibility = Text(body, "visibility") is { } visibility ? new ProductVisibility(visibility) : ProductVisibility.Public,
                RecurringInterval = recurring ? new RecurringInterval(interval.GetString()!) : null,
                RecurringIntervalCount = recurring ? Long(body, "recurring_interval_count") ?? 1 : null,
                TrialInterval = recurring && Text(body, "trial_interval") is { } trial ? new TrialInterval(trial) : null,
                TrialIntervalCount = recurring ? Long(body, "trial_interval_count") : null,
                MeterInterval = meterInterval is null ? null : new RecurringInterval(meterInterval),
                MeterIntervalCount = meterInterval is null ? null : Long(body, "meter_interval_count") ?? 1,
                IsRecurring = recurring,
                IsArchived = false,
                OrganizationId = state.Organization.Id,
                Metadata = Metadata(body),
                Prices = PriceFactory.Ordered(newPrices),
                Benefits = [],
                Medias = [],
                AttachedCustomFields = [],
            };
            foreach (var price in product.Prices)
            {
                state.Products.AddPrice(price);
            }

            state.Products.Add(product);
            state.Webhooks.Emit(new ProductCreatedWebhookEvent(ProductViews.Refresh(state, product), state.Now));
            return ApiResults.Created(product);
        }
    }

    /// <summary>
    /// Medias and custom fields must name files and custom fields of the organization. The emulator stores neither
    /// (their APIs are not emulated), so every one named is unknown, as Polar would say of a made-up id.
    /// </summary>
    private static void CheckAttachments(JsonElement body, List<ValidationIssue> errors)
    {
        if (body.TryGetProperty("medias", out var medias) && medias.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var file in medias.EnumerateArray())
            {
                errors.Add(new ValidationIssue("value_error", ["body", "medias", index++], "File does not exist or is not yet uploaded.", file.GetString()));
            }
        }

        if (body.TryGetProperty("attached_custom_fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var field in fields.EnumerateArray())
            {
                errors.Add(new ValidationIssue("value_error", ["body", "attached_custom_fields", index++], "Custom field does not exist.", field.GetProperty("custom_field_id").GetString()));
            }
        }
    }

    private static Dictionary<string, MetadataValue> Metadata(JsonElement body) =>
        body.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            ? PolarJson.Deserialize<Dictionary<string, MetadataValue>>(metadata.GetRawText())
            : [];

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Long(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    // Polar's EmptyStrToNoneValidator on descriptions.
    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static JsonNode? Input(JsonElement value) => JsonNode.Parse(value.GetRawText());
}
