using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Products;

/// <summary>
/// The checks pydantic runs on each price of a request before Polar's service sees it (server
/// <c>product/schemas.py</c> validators): per-currency minimum and maximum amounts, seat tiers forming one
/// continuous range. The JSON schema cannot express these, so the middleware leaves them to us.
/// </summary>
internal static class PriceSchemaChecks
{
    /// <summary>The issues of the <c>prices</c> array; <paramref name="prefix"/> is its location, e.g. <c>body, recurring, prices</c>.</summary>
    public static List<ValidationIssue> Check(JsonElement prices, IReadOnlyList<object> prefix)
    {
        var issues = new List<ValidationIssue>();
        var index = 0;
        foreach (var price in prices.EnumerateArray())
        {
            var type = price.TryGetProperty("amount_type", out var t) ? t.GetString() : null;
            var currency = price.TryGetProperty("price_currency", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "usd";
            object[] at = [.. prefix, index, type ?? string.Empty];
            switch (type)
            {
                case "fixed":
                    Amount(issues, price, "price_amount", currency, at);
                    break;
                case "custom":
                    Amount(issues, price, "minimum_amount", currency, at);
                    Amount(issues, price, "maximum_amount", currency, at);
                    Amount(issues, price, "preset_amount", currency, at);
                    break;
                case "seat_based":
                    Tiers(issues, price.GetProperty("seat_tiers").GetProperty("tiers"), at);
                    break;
                default:
                    break;
            }

            index++;
        }

        return issues;
    }

    private static void Amount(List<ValidationIssue> issues, JsonElement price, string field, string currency, object[] at)
    {
        if (price.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
            && PriceAmounts.Problem(currency, value.GetInt64(), allowZero: true) is { } problem)
        {
            issues.Add(new ValidationIssue(problem.Type, [.. at, field], problem.Message, JsonValue.Create(value.GetInt64())));
        }
    }

    private static void Tiers(List<ValidationIssue> issues, JsonElement tiers, object[] at)
    {
        var sorted = tiers.EnumerateArray()
            .Select(t => (Min: t.GetProperty("min_seats").GetInt64(), Max: t.TryGetProperty("max_seats", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : (long?)null))
            .OrderBy(t => t.Min)
            .ToList();
        string? problem = null;
        if (sorted.Count == 0)
        {
            problem = "At least one tier is required";
        }
        else if (sorted[0].Min < 1)
        {
            problem = "First tier must start at min_seats >= 1";
        }
        else
        {
            for (var i = 0; i < sorted.Count - 1 && problem is null; i++)
            {
                if (sorted[i].Max is not { } max)
                {
                    problem = "Only the last tier can have unlimited max_seats (None)";
                }
                else if (sorted[i + 1].Min != max + 1)
                {
                    problem = $"Gap or overlap between tiers: tier ending at {max} and tier starting at {sorted[i + 1].Min}";
                }
            }
        }

        if (problem is not null)
        {
            issues.Add(new ValidationIssue("value_error", [.. at, "seat_tiers", "tiers"], "Value error, " + problem, JsonNode.Parse(tiers.GetRawText())));
        }
    }
}
