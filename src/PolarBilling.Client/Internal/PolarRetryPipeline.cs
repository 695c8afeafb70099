using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace PolarBilling.Client.Internal;

/// <summary>
/// The retry and attempt-timeout pipeline (Microsoft.Extensions.Http.Resilience on Polly): jittered exponential
/// backoff, <c>Retry-After</c> honoured, and money-moving writes retried only when Polar certainly did not act.
/// </summary>
internal static class PolarRetryPipeline
{
    public static readonly ResiliencePropertyKey<RetryMode> ModeKey = new("PolarBilling.RetryMode");

    public static ResiliencePipeline<HttpResponseMessage> Create(PolarClientOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            var maxDelay = options.MaxRetryDelay;
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    ShouldRetry(args.Context.Properties.GetValue(ModeKey, RetryMode.Safe), args.Outcome, maxDelay, time)),
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    internal static bool ShouldRetry(RetryMode mode, Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider time)
    {
        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Polar's rate limiter answers before the request is handled, so even a money-moving write is safe
                // to repeat; a wait longer than we are allowed to sleep is surfaced instead.
                var wait = PolarErrorReader.RetryAfter(response, time);
                return wait is null || wait <= maxDelay;
            }

            return mode == RetryMode.Safe && HttpClientResiliencePredicates.IsTransient(outcome);
        }

        return outcome.Exception switch
        {
            // The connection was never made: Polar cannot have acted.
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or TimeoutRejectedException => mode == RetryMode.Safe,
            _ => false,
        };
    }
}
