using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// The bodies Polar sends to <c>discord</c> and <c>slack</c> endpoints instead of the raw envelope: a chat message
/// naming the event, the object's id and the organization (Polar's generic <c>get_discord_payload</c> /
/// <c>get_slack_payload</c> in <c>webhook/webhooks.py</c>). Approximation: Polar writes richer messages for a few
/// types (new order, new subscription, cancellations); the emulator sends the generic message for every type, and
/// its brand icons point at the emulator.
/// </summary>
internal static class WebhookChatPayload
{
    public static string For(WebhookFormat format, PolarWebhookEvent webhookEvent, string organizationName, Uri baseUrl)
    {
        var type = webhookEvent.Type;
        var objectId = DataId(webhookEvent.RawJson);
        var icon = new Uri(baseUrl, "favicon.png").ToString();
        JsonObject payload = format == WebhookFormat.Slack
            ? new JsonObject
            {
                ["text"] = type,
                ["blocks"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "section",
                        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = type },
                        ["fields"] = new JsonArray(
                            new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*Object*\n{objectId}" },
                            new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*Organization*\n{organizationName}" }),
                    },
                    new JsonObject
                    {
                        ["type"] = "context",
                        ["elements"] = new JsonArray(
                            new JsonObject { ["type"] = "image", ["image_url"] = icon, ["alt_text"] = "Polar" },
                            new JsonObject { ["type"] = "mrkdwn", ["text"] = "Powered by Polar" }),
                    }),
            }
            : new JsonObject
            {
                ["content"] = type,
                ["embeds"] = new JsonArray(new JsonObject
                {
                    ["color"] = 25343,
                    ["author"] = new JsonObject { ["name"] = "Polar.sh", ["icon_url"] = icon },
                    ["thumbnail"] = new JsonObject { ["url"] = icon },
                    ["footer"] = new JsonObject { ["text"] = "Powered by Polar.sh" },
                    ["title"] = type,
                    ["description"] = type,
                    ["fields"] = new JsonArray(
                        new JsonObject { ["name"] = "Object", ["value"] = objectId },
                        new JsonObject { ["name"] = "Organization", ["value"] = organizationName }),
                }),
            };
        return payload.ToJsonString();
    }

    private static string DataId(string rawJson)
    {
        using var document = JsonDocument.Parse(rawJson);
        return document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() ?? string.Empty : string.Empty;
    }
}
