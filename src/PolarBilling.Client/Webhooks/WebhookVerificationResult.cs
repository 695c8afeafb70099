namespace PolarBilling.Client.Webhooks;

/// <summary>The outcome of <see cref="WebhookVerifier.Verify(ReadOnlySpan{byte}, string?, string?, string?)"/>.</summary>
public sealed class WebhookVerificationResult
{
    private WebhookVerificationResult(
        WebhookVerificationFailure failure,
        string message,
        WebhookKeyScheme? matchedKeyScheme,
        string? webhookId,
        DateTimeOffset? timestamp)
    {
        Failure = failure;
        Message = message;
        MatchedKeyScheme = matchedKeyScheme;
        WebhookId = webhookId;
        Timestamp = timestamp;
    }

    /// <summary>Whether the delivery is authentic and within the timestamp tolerance.</summary>
    public bool IsValid => Failure == WebhookVerificationFailure.None;

    /// <summary>Why verification failed, or <see cref="WebhookVerificationFailure.None"/> when it passed.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>A sentence a person can act on: what failed and what to check. Never contains the secret.</summary>
    public string Message { get; }

    /// <summary>The key scheme whose signature matched; <see langword="null"/> unless <see cref="IsValid"/>.</summary>
    public WebhookKeyScheme? MatchedKeyScheme { get; }

    /// <summary>The <c>webhook-id</c> header, when present: the key to deduplicate deliveries on.</summary>
    public string? WebhookId { get; }

    /// <summary>The <c>webhook-timestamp</c> header as a time, when it was well-formed.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>Throws when the delivery is not valid; does nothing otherwise.</summary>
    /// <exception cref="WebhookVerificationException">The delivery failed verification; carries <see cref="Failure"/> and <see cref="Message"/>.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new WebhookVerificationException(Failure, Message);
        }
    }

    /// <inheritdoc />
    public override string ToString() => IsValid ? Message : $"{Failure}: {Message}";

    internal static WebhookVerificationResult Valid(WebhookKeyScheme scheme, string webhookId, DateTimeOffset timestamp) =>
        new(WebhookVerificationFailure.None, WebhookVerificationMessages.Valid(scheme), scheme, webhookId, timestamp);

    internal static WebhookVerificationResult Invalid(
        WebhookVerificationFailure failure,
        string message,
        string? webhookId = null,
        DateTimeOffset? timestamp = null) =>
        new(failure, message, null, string.IsNullOrEmpty(webhookId) ? null : webhookId, timestamp);
}
