using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Products;

/// <summary>
/// Polar's <c>get_validated_prices</c> (server <c>product/service.py</c>): reads a product's new price list, keeping
/// existing prices named by id and making new ones, and collects every rule it breaks at <c>body.prices</c>.
/// </summary>
internal static class ProductPriceRules
{
    /// <param name="state">The emulator state (meters, organization currency, clock).</param>
    /// <param name="prices">The body's <c>prices</c> array.</param>
    /// <param name="recurring">Whether the product is a subscription; metered prices need one.</param>
    /// <param name="product">The product being updated, or <see langword="null"/> on create.</param>
    /// <param name="productId">The id the new prices belong to.</param>
    /// <param name="errors">Where broken rules are added, Polar's order.</param>
    public static (List<ProductPrice> Prices, HashSet<string> Kept) Read(
        EmulatorState state, JsonElement prices, bool recurring, Product? product, string productId, List<ValidationIssue> errors)
    {
        var list = new List<(ProductPrice Price, int Index)>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var input in prices.EnumerateArray())
        {
            if (!input.TryGetProperty("amount_type", out _))
            {
                var id = input.GetProperty("id").GetString();
                var existing = product?.Prices.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
                if (existing is null)
                {
                    errors.Add(new ValidationIssue("value_error", ["body", "prices", index], "Price does not exist.", id));
                }
                else
                {
                    kept.Add(existing.Id);
                    list.Add((existing, index));
                }
            }
            else if (input.GetProperty("amount_type").GetString() == "metered_unit" && !recurring)
            {
                errors.Add(new ValidationIssue("value_error", ["body", "prices", index], "Metered pricing is not supported on one-time products.", Json(input)));
            }
            else if (input.GetProperty("amount_type").GetString() == "metered_unit" && state.Meters.Find(input.GetProperty("meter_id").GetString()) is null)
            {
                errors.Add(new ValidationIssue("value_error", ["body", "prices", index, "meter_id"], "Meter does not exist.", Json(input.GetProperty("meter_id"))));
            }
            else
            {
                var price = PriceFactory.Create(state, input, productId);
                if (price is ProductPriceMeteredUnit metered)
                {
                    metered.Meter = ProductViews.MeterOf(state.Meters.Get(metered.MeterId));
                }

                list.Add((price, index));
            }

            index++;
        }

        CheckCombinations(state, prices, list, errors);
        return ([.. list.Select(p => p.Price)], kept);
    }

    private static void CheckCombinations(EmulatorState state, JsonElement prices, List<(ProductPrice Price, int Index)> list, List<ValidationIssue> errors)
    {
        var input = Json(prices);
        if (list.Count < 1)
        {
            errors.Add(new ValidationIssue("too_short", ["body", "prices"], "At least one price is required.", input));
        }

        var structures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var currency in list.GroupBy(p => p.Price.PriceCurrency, StringComparer.Ordinal))
        {
            var fixedCount = currency.Count(p => p.Price is ProductPriceFixed);
            var seatCount = currency.Count(p => p.Price is ProductPriceSeatBased);
            var customCount = currency.Count(p => p.Price is ProductPriceCustom);
            void Fail(string message) => errors.Add(new ValidationIssue("value_error", ["body", "prices"], message, input));
            if (fixedCount > 1)
            {
                Fail("Only one fixed price is allowed.");
            }

            if (seatCount > 1)
            {
                Fail("Only one seat-based price is allowed.");
            }

            if (customCount > 1)
            {
                Fail("Only one custom price is allowed.");
            }

            if (customCount > 0 && fixedCount + seatCount > 0)
            {
                Fail("A custom price cannot be combined with a fixed or seat-based price.");
            }

            var meters = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (price, index) in currency.Where(p => p.Price is ProductPriceMeteredUnit))
            {
                var meterId = ((ProductPriceMeteredUnit)price).MeterId;
                if (!meters.Add(meterId))
                {
                    errors.Add(new ValidationIssue("value_error", ["body", "prices", index, "meter_id"], "Meter is already used for another price.", meterId));
                }
            }

            if (currency.Select(p => p.Price.TaxBehavior?.Value).Distinct().Count() > 1)
            {
                Fail("All prices for the same currency must have the same tax behavior.");
            }

            structures[currency.Key] = $"{fixedCount > 0}|{seatCount > 0}|{customCount > 0}|{meters.Count}";
        }

        if (structures.Values.Distinct().Count() > 1)
        {
            errors.Add(new ValidationIssue("value_error", ["body", "prices"], "All price currencies must define the same set of price types.", input));
        }

        if (!structures.ContainsKey(state.OrganizationProfile.Current.DefaultPresentmentCurrency))
        {
            errors.Add(new ValidationIssue("value_error", ["body", "prices"], "The organization's default presentment currency must be present in the prices.", input));
        }
    }

    private static JsonNode? Json(JsonElement element) => JsonNode.Parse(element.GetRawText());
}
