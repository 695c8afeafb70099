using System.Text;
using System.Text.Json.Nodes;

namespace PolarBilling.Webhooks.Bench;

/// <summary>
/// The delivery every request carries: a compact <c>subscription.updated</c> envelope around a realistic subscription
/// (customer, product, prices, metadata; the Client tests' fixture), about 3 KB, as Polar sends it.
/// </summary>
internal static class Payload
{
    public static byte[] SubscriptionUpdated()
    {
        using var stream = typeof(Payload).Assembly.GetManifestResourceStream("subscription.json")
            ?? throw new InvalidOperationException("The embedded subscription.json is missing.");
        var data = JsonNode.Parse(stream)!;
        var envelope = new JsonObject
        {
            ["type"] = "subscription.updated",
            ["timestamp"] = "2026-03-18T16:42:10.456789Z",
            ["data"] = data,
        };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }
}
