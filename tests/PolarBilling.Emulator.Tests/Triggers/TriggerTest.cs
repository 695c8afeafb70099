using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Tests.Subscriptions;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary>
/// Base of the trigger tests: <c>POST /emulator/trigger</c> through the raw client, with the answer's
/// <c>webhooks</c> checked against what the emulator really emitted (so the answer can never claim a webhook that was
/// not sent, nor hide one).
/// </summary>
public abstract class TriggerTest : SubscriptionTest
{
    /// <summary>Sends a trigger; returns the status and body without checking them.</summary>
    protected Task<(int Status, JsonNode? Body)> SendTriggerAsync(JsonObject body) =>
        SendAsync(HttpMethod.Post, "/emulator/trigger", body.ToJsonString());

    /// <summary>
    /// Sends a trigger that must succeed and asserts the exact webhook sequence it emitted, both in the answer and
    /// in the emulator's log; returns the answer's <c>object</c>.
    /// </summary>
    protected async Task<JsonNode> TriggerAsync(JsonObject body, params string[] webhooks)
    {
        TakeWebhooks();
        var (status, answer) = await SendTriggerAsync(body);
        Assert.True(status == 200, answer?.ToJsonString());
        Assert.Equal((string?)body["event"], (string?)answer!["event"]);
        Assert.Equal(webhooks, answer["webhooks"]!.AsArray().Select(n => (string)n!).ToArray());
        AssertWebhooks(webhooks);
        return answer["object"]!;
    }

    /// <summary>Sends a trigger that must be refused with <paramref name="status"/> and <paramref name="error"/>; nothing may be emitted.</summary>
    protected async Task<JsonNode> RefusedAsync(JsonObject body, int status, string error)
    {
        TakeWebhooks();
        var (actual, answer) = await SendTriggerAsync(body);
        Assert.True(actual == status, $"{actual}: {answer?.ToJsonString()}");
        Assert.Equal(error, (string?)answer!["error"]);
        Assert.Empty(TakeWebhooks());
        return answer;
    }

    protected static JsonObject Trigger(string eventType, string? idName = null, string? id = null)
    {
        var body = new JsonObject { ["event"] = eventType };
        if (idName is not null)
        {
            body[idName] = id;
        }

        return body;
    }

    protected static T As<T>(JsonNode node) => PolarJson.Deserialize<T>(node.ToJsonString());

    protected Task<Subscription> GetSubscriptionAsync(string id) => Polar.Subscriptions.GetAsync(id, cancellationToken: Cancel);

    /// <summary>The subscription's latest <c>subscription_cycle</c> order (a trigger at the start instant ties with the first order's <c>created_at</c>).</summary>
    protected async Task<Order> CycleOrderAsync(string subscriptionId) =>
        (await OrdersAsync(subscriptionId)).Last(o => o.BillingReason == OrderBillingReason.SubscriptionCycle);

    /// <summary><c>PUT /emulator/customers/{id}/card</c> with <paramref name="body"/>.</summary>
    protected Task<(int Status, JsonNode? Body)> SetCardAsync(string customerId, JsonObject body) =>
        SendAsync(HttpMethod.Put, $"/emulator/customers/{customerId}/card", body.ToJsonString());
}
