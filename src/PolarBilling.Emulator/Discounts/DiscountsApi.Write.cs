using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Organizations;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Discounts;

internal static partial class DiscountsApi
{
    /// <summary>
    /// <c>POST /v1/discounts/</c>: schema checks, then the code (unique, ignoring case) and the products, then the
    /// discount with <c>redemptions_count</c> 0 and <c>discount.created</c>. A fixed discount's <c>amount</c> and
    /// <c>currency</c> become its <c>amounts</c> map, as Polar stores it.
    /// </summary>
    private static IResult Create(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var body = context.Body();
            var type = DiscountChecks.Text(body, "type") ?? (body.TryGetProperty("basis_points", out _) ? "percentage" : "fixed");
            var issues = DiscountChecks.Schema(body, ["body", type], create: true);
            var amounts = type == "fixed" ? Amounts(body) : null;
            if (type == "fixed" && amounts is null)
            {
                issues.Add(new ValidationIssue("value_error", ["body", type], "Value error, Either amount or amounts must be provided.", Input(body)));
            }

            if (issues.Count > 0)
            {
                throw Problems.Validation(issues, "RequestValidationError");
            }

            PayloadOrganization.Check(body);
            var code = EmptyToNull(DiscountChecks.Text(body, "code"));
            DiscountChecks.CodeFree(state, code, null);
            var products = body.TryGetProperty("products", out var list) && list.ValueKind == JsonValueKind.Array ? DiscountChecks.Products(state, list) : [];
            var duration = DiscountChecks.Text(body, "duration")!;
            var discount = DiscountShapes.New(type, duration);
            discount.Id = PolarTokens.NewId();
            discount.CreatedAt = state.Now;
            discount.ModifiedAt = null;
            discount.Type = new DiscountType(type);
            discount.Duration = new DiscountDuration(duration);
            discount.Name = body.GetProperty("name").GetString()!;
            discount.Code = code;
            discount.StartsAt = DiscountChecks.Date(body, "starts_at");
            discount.EndsAt = DiscountChecks.Date(body, "ends_at");
            discount.MaxRedemptions = Long(body, "max_redemptions");
            discount.MaxRedemptionsPerCustomer = Long(body, "max_redemptions_per_customer");
            discount.RedemptionsCount = 0;
            discount.OrganizationId = state.Organization.Id;
            discount.Metadata = Metadata(body) ?? [];
            discount.Products = products;
            DiscountShapes.SetDurationInMonths(discount, Long(body, "duration_in_months") ?? 0);
            DiscountShapes.SetBasisPoints(discount, Long(body, "basis_points") ?? 0);
            if (amounts is not null)
            {
                DiscountShapes.SetAmounts(discount, amounts, state.OrganizationProfile.Current.DefaultPresentmentCurrency);
            }

            state.Discounts.Add(discount);
            state.Webhooks.Emit(new DiscountCreatedWebhookEvent(discount, state.Now));
            return ApiResults.Created(discount);
        }
    }

    /// <summary>The amounts of a fixed discount: <c>amount</c> in <c>currency</c> (default usd) wins over <c>amounts</c>.</summary>
    private static Dictionary<string, long>? Amounts(JsonElement body)
    {
        if (Long(body, "amount") is { } amount)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal) { [DiscountChecks.Text(body, "currency") ?? "usd"] = amount };
        }

        return body.TryGetProperty("amounts", out var amounts) && amounts.ValueKind == JsonValueKind.Object
            ? PolarJson.Deserialize<Dictionary<string, long>>(amounts.GetRawText())
            : null;
    }

    private static Dictionary<string, MetadataValue>? Metadata(JsonElement body) =>
        body.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            ? PolarJson.Deserialize<Dictionary<string, MetadataValue>>(metadata.GetRawText())
            : null;

    private static long? Long(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    // Polar's EmptyStrToNone on codes.
    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static System.Text.Json.Nodes.JsonNode? Input(JsonElement body) => System.Text.Json.Nodes.JsonNode.Parse(body.GetRawText());
}
