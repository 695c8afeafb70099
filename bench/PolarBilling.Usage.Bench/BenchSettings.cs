using PolarBilling.Client.Webhooks;

namespace PolarBilling.Usage.Bench;

/// <summary>
/// The <c>Polar</c> configuration every bench app starts with: the sample's metered plan <c>api</c> (10,000 calls
/// included, then 1 cent each). Polar itself is never called: nothing listens at the server address, and the sync
/// worker's first run is an hour away.
/// </summary>
internal static class BenchSettings
{
    public static Dictionary<string, string?> Polar() => new()
    {
        ["Polar:Server"] = "http://127.0.0.1:9",
        ["Polar:AccessToken"] = "polar_oat_usage_bench_not_a_real_token",
        ["Polar:WebhookSecret"] = WebhookSigner.GenerateSecret(),
        ["Polar:Plans:api:Name"] = "API",
        ["Polar:Plans:api:ProductId"] = "prod_usage_bench",
        ["Polar:Plans:api:Price"] = "4900",
        ["Polar:Plans:api:Interval"] = "month",
        ["Polar:Plans:api:Meters:api_calls:Name"] = "API calls",
        ["Polar:Plans:api:Meters:api_calls:Unit"] = "calls",
        ["Polar:Plans:api:Meters:api_calls:Included"] = "10000",
        ["Polar:Plans:api:Meters:api_calls:UnitPrice"] = "1",
        ["Polar:Plans:api:Meters:tokens:Name"] = "Tokens",
        ["Polar:Plans:api:Meters:tokens:Aggregation"] = "sum",
        ["Polar:Plans:api:Meters:tokens:Included"] = "1000000",
        ["Polar:Plans:api:Meters:tokens:UnitPrice"] = "0.001",
    };
}
