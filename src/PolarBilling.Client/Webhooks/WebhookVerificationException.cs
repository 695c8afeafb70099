namespace PolarBilling.Client.Webhooks;

/// <summary>A webhook delivery failed verification. The message says why and what to check; it never contains the secret.</summary>
public sealed class WebhookVerificationException : PolarException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why verification failed; must not be <see cref="WebhookVerificationFailure.None"/>.</param>
    /// <param name="message">What went wrong and what to do, safe to log.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failure"/> is <see cref="WebhookVerificationFailure.None"/>.</exception>
    public WebhookVerificationException(WebhookVerificationFailure failure, string message)
        : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(failure, WebhookVerificationFailure.None);
        Failure = failure;
    }

    /// <summary>Why verification failed.</summary>
    public WebhookVerificationFailure Failure { get; }
}
