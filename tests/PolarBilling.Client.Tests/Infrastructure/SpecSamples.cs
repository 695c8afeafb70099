using System.Text.Json.Nodes;

namespace PolarBilling.Client.Tests.Infrastructure;

/// <summary>Small JSON documents that are valid against the vendored spec, for tests to start from and break.</summary>
internal static class SpecSamples
{
    public const string ProductId = "3f1b6a52-7d7c-4c1e-9a8e-2b1f3f1e8c11";

    /// <summary>A monthly $15 product with one fixed price: every required key present, nullable ones null.</summary>
    public const string Product = """
        {
          "id": "3f1b6a52-7d7c-4c1e-9a8e-2b1f3f1e8c11",
          "created_at": "2026-01-01T00:00:00Z",
          "modified_at": null,
          "trial_interval": null,
          "trial_interval_count": null,
          "name": "Pro",
          "description": null,
          "visibility": "public",
          "recurring_interval": "month",
          "recurring_interval_count": 1,
          "meter_interval": null,
          "meter_interval_count": null,
          "is_recurring": true,
          "is_archived": false,
          "organization_id": "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10",
          "metadata": {},
          "prices": [
            {
              "created_at": "2026-01-01T00:00:00Z",
              "modified_at": null,
              "id": "5c0c2d1e-4a8b-4e57-8f0e-1b2c3d4e5f60",
              "source": "catalog",
              "amount_type": "fixed",
              "price_currency": "usd",
              "tax_behavior": null,
              "is_archived": false,
              "product_id": "3f1b6a52-7d7c-4c1e-9a8e-2b1f3f1e8c11",
              "price_amount": 1500
            }
          ],
          "benefits": [],
          "medias": [],
          "attached_custom_fields": []
        }
        """;

    /// <summary><see cref="Product"/> with <paramref name="edit"/> applied, as compact JSON.</summary>
    public static string ProductWith(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var product = JsonNode.Parse(Product)!.AsObject();
        edit(product);
        return product.ToJsonString();
    }

    /// <summary>A page of a product list: <c>{"items": [...], "pagination": {...}}</c>.</summary>
    public static string ProductPage(int count, long totalCount, int maxPage)
    {
        var items = string.Join(",", Enumerable.Range(0, count).Select(_ => Product));
        return $$$"""{"items":[{{{items}}}],"pagination":{"total_count":{{{totalCount}}},"max_page":{{{maxPage}}}}}""";
    }
}
