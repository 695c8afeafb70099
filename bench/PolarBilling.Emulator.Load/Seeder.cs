using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PolarBilling.Emulator.Load;

/// <summary>Creates what the scenarios read, through Polar's API as a user's app would.</summary>
internal static class Seeder
{
    public const int Customers = 25;

    public static async Task<Seed> SeedAsync(Uri baseUrl, string token)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var productId = await CreateAsync(http, "/v1/products/",
            """{"name": "Pro", "recurring_interval": "month", "prices": [{"amount_type": "fixed", "price_amount": 1500, "price_currency": "usd"}]}""");
        // Emails and external ids are unique per organization: a run against an emulator that is already seeded
        // needs its own.
        var run = Guid.NewGuid().ToString("N")[..8];
        var customers = new List<string>();
        for (var i = 0; i < Customers; i++)
        {
            customers.Add(await CreateAsync(http, "/v1/customers/", $$"""{"email": "load-{{run}}-{{i}}@example.com", "name": "Load Customer {{i}}", "external_id": "user-{{run}}-{{i}}"}"""));
        }

        return new Seed(productId, customers);
    }

    private static async Task<string> CreateAsync(HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding {path} failed with {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetString()!;
    }
}
