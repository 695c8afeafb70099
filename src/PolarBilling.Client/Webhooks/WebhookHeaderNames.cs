namespace PolarBilling.Client.Webhooks;

/// <summary>The Standard Webhooks headers Polar sends with every delivery. Header names are case-insensitive.</summary>
public static class WebhookHeaderNames
{
    /// <summary><c>webhook-id</c>: the event's id, stable across retries; deduplicate on it.</summary>
    public const string Id = "webhook-id";

    /// <summary><c>webhook-timestamp</c>: whole Unix seconds when this attempt was signed.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary><c>webhook-signature</c>: space-separated <c>v1,&lt;base64 HMAC-SHA256&gt;</c> entries.</summary>
    public const string Signature = "webhook-signature";
}
