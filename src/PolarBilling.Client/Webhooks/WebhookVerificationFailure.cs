namespace PolarBilling.Client.Webhooks;

/// <summary>Why a webhook delivery failed verification. Every failure means: answer 4xx and do not process it.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>The delivery is authentic and fresh.</summary>
    None,

    /// <summary>The configured webhook secret is empty (or only <c>whsec_</c>).</summary>
    EmptySecret,

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> is missing or empty.</summary>
    MissingHeader,

    /// <summary><c>webhook-timestamp</c> is not a whole number of Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary><c>webhook-timestamp</c> is further in the past than the tolerance (a replay, a delay or a slow clock).</summary>
    TimestampTooOld,

    /// <summary><c>webhook-timestamp</c> is further in the future than the tolerance (usually a clock that is behind).</summary>
    TimestampTooNew,

    /// <summary>No <c>v1</c> signature matches the body under either key scheme.</summary>
    NoMatchingSignature,
}
