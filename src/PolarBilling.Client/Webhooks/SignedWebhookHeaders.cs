namespace PolarBilling.Client.Webhooks;

/// <summary>The three Standard Webhooks headers for one signed delivery, as <see cref="WebhookSigner"/> produced them.</summary>
/// <param name="Id">The <c>webhook-id</c> header value.</param>
/// <param name="Timestamp">The <c>webhook-timestamp</c> header value: whole Unix seconds.</param>
/// <param name="Signature">The <c>webhook-signature</c> header value: <c>v1,&lt;base64&gt;</c>.</param>
public sealed record SignedWebhookHeaders(string Id, string Timestamp, string Signature)
{
    /// <summary>The headers as name/value pairs, ready to add to a request or to pass to <see cref="WebhookVerifier"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToHeaders() =>
    [
        new(WebhookHeaderNames.Id, Id),
        new(WebhookHeaderNames.Timestamp, Timestamp),
        new(WebhookHeaderNames.Signature, Signature),
    ];
}
