using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Products;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// The prices a checkout's <c>prices</c> map makes for one product (<c>source: ad_hoc</c>): they replace the
/// product's catalog prices for that checkout only, and are kept by the product store so orders and subscriptions
/// can point at them afterwards.
/// </summary>
internal static class AdHocPrices
{
    /// <summary>Makes the prices of <paramref name="creates"/> (a JSON list of price creates) for <paramref name="product"/>.</summary>
    /// <exception cref="EmulatorProblem">422 when a metered price names an unknown meter.</exception>
    public static List<ProductPrice> Create(EmulatorState state, Product product, JsonElement creates)
    {
        var prices = new List<ProductPrice>();
        var index = 0;
        foreach (var create in creates.EnumerateArray())
        {
            var json = JsonNode.Parse(create.GetRawText())!.AsObject();
            json["id"] = PolarTokens.NewId();
            json["created_at"] = JsonValue.Create(state.Now);
            json["modified_at"] = null;
            json["source"] = "ad_hoc";
            json["is_archived"] = false;
            json["product_id"] = product.Id;
            json["price_currency"] ??= "usd";
            json["tax_behavior"] ??= null;
            switch ((string?)json["amount_type"])
            {
                case "custom":
                    json["minimum_amount"] ??= 50;
                    json["maximum_amount"] ??= null;
                    json["preset_amount"] ??= null;
                    break;
                case "metered_unit":
                    var meter = state.Meters.Find((string?)json["meter_id"])
                        ?? throw Problems.Validation(ValidationIssue.Body("value_error", "Meter does not exist.", json["meter_id"]?.DeepClone(), "prices", product.Id, index, "meter_id"));
                    json["cap_amount"] ??= null;
                    json["meter"] = JsonNode.Parse(PolarJson.Serialize(ProductViews.MeterOf(meter)));
                    break;
                case "seat_based" when json["seat_tiers"] is JsonObject tiers:
                    var list = tiers["tiers"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
                    tiers["seat_tier_type"] ??= "volume";
                    tiers["minimum_seats"] = Math.Max(1, list.Select(t => (long?)t["min_seats"] ?? 1).DefaultIfEmpty(1).Min());
                    tiers["maximum_seats"] = list.Any(t => t["max_seats"] is null) ? null : list.Max(t => (long?)t["max_seats"]);
                    break;
            }

            prices.Add(state.Products.AddPrice(PolarJson.Deserialize<ProductPrice>(json.ToJsonString())));
            index++;
        }

        return prices;
    }
}
