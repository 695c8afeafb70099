using System.Text.Json;

namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>
/// The body of a usage alert webhook, in Standard Webhooks form and Polar's snake_case:
/// <c>{"type":"usage.threshold_reached","timestamp":…,"data":{"user_id","meter","threshold","used","included","period_start","period_end","occurred_at"}}</c>.
/// </summary>
internal static class UsageAlertWebhookPayload
{
    public static byte[] Serialize(UsageAlertFacts alert, DateTimeOffset sentAt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", UsageAlertWebhookHandler.EventType);
            json.WriteString("timestamp", sentAt.UtcDateTime);
            json.WriteStartObject("data");
            json.WriteString("user_id", alert.UserId);
            json.WriteString("meter", alert.Meter);
            json.WriteNumber("threshold", alert.Threshold);
            json.WriteNumber("used", alert.Used);
            json.WriteNumber("included", alert.Included);
            json.WriteString("period_start", alert.PeriodStart.UtcDateTime);
            json.WriteString("period_end", alert.PeriodEnd.UtcDateTime);
            json.WriteString("occurred_at", alert.OccurredAt.UtcDateTime);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
