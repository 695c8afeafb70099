using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Discounts;

/// <summary>
/// Polar's discount refusals: the schema validators (server <c>discount/schemas.py</c>: code format, dates in order,
/// months for a repeating duration) and the service's (taken code, unknown product).
/// </summary>
internal static class DiscountChecks
{
    /// <summary>The pydantic issues of a create or update body; <paramref name="prefix"/> is <c>body</c> or <c>body, fixed</c>.</summary>
    public static List<ValidationIssue> Schema(JsonElement body, object[] prefix, bool create)
    {
        var issues = new List<ValidationIssue>();
        if (Text(body, "code") is { Length: > 0 } code)
        {
            if (!code.All(char.IsLetterOrDigit))
            {
                issues.Add(new ValidationIssue("value_error", [.. prefix, "code"], "Value error, Code must contain only alphanumeric characters.", code));
            }
            else if (code.Length is < 3 or > 256)
            {
                issues.Add(new ValidationIssue("value_error", [.. prefix, "code"], "Value error, Code must be between 3 and 256 characters long.", code));
            }
        }

        if (create && Text(body, "duration") == "repeating" && !(body.TryGetProperty("duration_in_months", out var months) && months.ValueKind == JsonValueKind.Number))
        {
            issues.Add(new ValidationIssue("missing", [.. prefix, "duration_in_months"], "Field required", BodyInput(body)));
        }

        if (Date(body, "starts_at") is { } starts && Date(body, "ends_at") is { } ends && starts >= ends)
        {
            issues.Add(new ValidationIssue("value_error", prefix, "Value error, starts_at must be before ends_at", BodyInput(body)));
        }

        return issues;
    }

    /// <summary>422 when another live discount of the organization has <paramref name="code"/> (case-insensitive).</summary>
    public static void CodeFree(EmulatorState state, string? code, string? ownId)
    {
        if (code is { Length: > 0 } && state.Discounts.All.Any(d =>
            d.Id != ownId && !state.Discounts.Deleted.Contains(d.Id) && string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw Problems.Validation(ValidationIssue.BodyValue("code", "Discount with this code already exists.", code));
        }
    }

    /// <summary>The products a discount is restricted to, each must exist (422 at <c>body.products.i</c>).</summary>
    public static List<DiscountProduct> Products(EmulatorState state, JsonElement products)
    {
        var result = new List<DiscountProduct>();
        var index = 0;
        foreach (var id in products.EnumerateArray().Select(p => p.GetString()))
        {
            var product = state.Products.Find(id)
                ?? throw Problems.Validation(new ValidationIssue("value_error", ["body", "products", index], "Product not found.", id));
            result.Add(ModelProjection.As<DiscountProduct>(product));
            index++;
        }

        return result;
    }

    public static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DateTimeOffset? Date(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : null;

    private static JsonNode? BodyInput(JsonElement body) => JsonNode.Parse(body.GetRawText());
}
