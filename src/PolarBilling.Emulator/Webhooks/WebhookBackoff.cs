using System.Security.Cryptography;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Polar's delivery retry rules (<c>webhook/tasks.py</c>): 10 attempts in all; after n failed attempts the next one
/// waits dramatiq's <c>compute_backoff(n, factor=2000 ms, max_backoff=20 min)</c>, a random time in [½·d, d] with
/// d = min(2000 ms · 2ⁿ, 20 min). So 2–4 s, 4–8 s, 8–16 s, … Multiplied by the emulator's retry time scale.
/// </summary>
internal static class WebhookBackoff
{
    /// <summary><c>WEBHOOK_MAX_RETRIES</c>: the 10th failed attempt is final.</summary>
    public const int MaxAttempts = 10;

    /// <summary><c>WEBHOOK_FAILURE_THRESHOLD</c>: this many most recent completed events all failed disables the endpoint.</summary>
    public const int FailureThreshold = 10;

    private const double FactorMilliseconds = 2000;
    private const double MaxMilliseconds = 20 * 60 * 1000;

    /// <summary>d: the longest wait after <paramref name="failedAttempts"/> failures, scaled.</summary>
    public static TimeSpan Nominal(int failedAttempts, double scale) =>
        TimeSpan.FromMilliseconds(Math.Min(FactorMilliseconds * Math.Pow(2, failedAttempts), MaxMilliseconds) * scale);

    /// <summary>The jittered wait before the next attempt: uniform in [½·d, d].</summary>
    public static TimeSpan Delay(int failedAttempts, double scale)
    {
        var half = Nominal(failedAttempts, scale) / 2;
        var fraction = RandomNumberGenerator.GetInt32(0, 1_000_001) / 1_000_000.0;
        return half + (half * fraction);
    }
}
