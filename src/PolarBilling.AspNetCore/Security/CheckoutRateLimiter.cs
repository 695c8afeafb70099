using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PolarBilling.AspNetCore.Security;

/// <summary>
/// <see cref="PolarBillingOptions.CheckoutsPerUserPerMinute"/> checkouts per user per fixed minute, in memory (per
/// instance). Applied inside the endpoint, so it holds whether or not the app calls <c>UseRateLimiter()</c>.
/// </summary>
internal sealed class CheckoutRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public CheckoutRateLimiter(IOptions<PolarBillingOptions> options)
    {
        var permits = options.Value.CheckoutsPerUserPerMinute;
        _limiter = permits == 0 ? null : PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>Takes one checkout for <paramref name="userId"/>; <see langword="null"/> when allowed, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string userId)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter?.Dispose();
}
