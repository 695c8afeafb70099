using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Faults;

/// <summary>Calls to <c>/emulator/faults</c> for tests.</summary>
internal static class FaultControl
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds a rule and returns it as answered (201 asserted).</summary>
    public static async Task<JsonNode> AddAsync(HttpClient http, string json)
    {
        using var response = await http.PostAsync("/emulator/faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == 201, $"POST /emulator/faults {json} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary><c>GET /emulator/faults</c>.</summary>
    public static async Task<JsonNode> GetAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonNode>("/emulator/faults", Ct))!;

    /// <summary>The rule with <paramref name="id"/> from <c>GET /emulator/faults</c>.</summary>
    public static async Task<JsonNode> RuleAsync(HttpClient http, string id) =>
        (await GetAsync(http))["rules"]!.AsArray().Single(r => (string?)r!["id"] == id)!;

    /// <summary>The fault log entries of <c>GET /emulator/faults</c>.</summary>
    public static async Task<List<JsonNode>> LogAsync(HttpClient http) =>
        [.. (await GetAsync(http))["log"]!.AsArray().Select(e => e!)];

    /// <summary>A typed client with retries on (3, from 10 ms), over <paramref name="http"/> (a spec-checked client without a token).</summary>
    public static PolarClient RetryingClient(PolarEmulator emulator, HttpClient http)
    {
        var options = emulator.CreateClientOptions();
        options.MaxRetries = 3;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        return new PolarClient(http, options);
    }
}
