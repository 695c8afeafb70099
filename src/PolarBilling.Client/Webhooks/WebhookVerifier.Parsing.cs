namespace PolarBilling.Client.Webhooks;

public sealed partial class WebhookVerifier
{
    /// <summary>Verifies a delivery and, when it is authentic, parses it into a typed event.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="header">Returns a header's value by name, case-insensitively; for ASP.NET Core <c>name =&gt; request.Headers[name]</c>.</param>
    /// <returns>The typed event, or <see cref="UnknownWebhookEvent"/> for a type this version does not know.</returns>
    /// <exception cref="WebhookVerificationException">The delivery failed verification; nothing was parsed.</exception>
    /// <exception cref="WebhookParseException">The delivery is authentic but its body is not a readable Polar event.</exception>
    public PolarWebhookEvent VerifyAndParse(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        Verify(body, header).ThrowIfInvalid();
        return WebhookEventParser.Parse(body);
    }

    /// <summary>Verifies a delivery and, when it is authentic, parses it into a typed event.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="headers">The request headers as name/value pairs (names compared case-insensitively).</param>
    /// <inheritdoc cref="VerifyAndParse(ReadOnlySpan{byte}, Func{string, string?})"/>
    public PolarWebhookEvent VerifyAndParse(ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        Verify(body, headers).ThrowIfInvalid();
        return WebhookEventParser.Parse(body);
    }

    /// <summary>Verifies a delivery from its three header values and, when it is authentic, parses it into a typed event.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header.</param>
    /// <inheritdoc cref="VerifyAndParse(ReadOnlySpan{byte}, Func{string, string?})"/>
    public PolarWebhookEvent VerifyAndParse(ReadOnlySpan<byte> body, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        Verify(body, webhookId, webhookTimestamp, webhookSignature).ThrowIfInvalid();
        return WebhookEventParser.Parse(body);
    }
}
