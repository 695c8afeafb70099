using System.Net;

namespace PolarBilling.Client;

/// <summary>Polar answered 429 and retries (if any) did not get through in time.</summary>
public sealed class PolarRateLimitException : PolarApiException
{
    /// <summary>Creates the exception.</summary>
    public PolarRateLimitException(string message, TimeSpan? retryAfter, string? responseBody)
        : base(message, HttpStatusCode.TooManyRequests, error: null, detail: null, responseBody)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long Polar asked to wait (its <c>Retry-After</c> header), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
