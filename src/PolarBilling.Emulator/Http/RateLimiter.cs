using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Http;

/// <summary>
/// Polar's default rate limit: a number of requests per minute per subject (the organization for its tokens, the
/// client address for anonymous calls), counted in fixed one-minute windows of real time (the test clock does not move them). Over the limit the
/// answer is 429 with an empty body and <c>Retry-After</c> in seconds, as Polar's limiter gives.
/// </summary>
internal sealed class RateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);
    private readonly EmulatorState _state;

    public RateLimiter(EmulatorState state) => _state = state;

    /// <summary>Requests per minute; 0 means no limit. Starts from the options and can be changed at run time.</summary>
    public int PerMinute { get; set; } = -1;

    /// <summary>Counts one request of <paramref name="subject"/>.</summary>
    /// <exception cref="EmulatorProblem">429 when the subject has used up this minute.</exception>
    public void Count(string subject)
    {
        var limit = PerMinute >= 0 ? PerMinute : _state.Options.RateLimitPerMinute;
        if (limit == 0)
        {
            return;
        }

        var now = _state.WallClock.GetUtcNow().ToUnixTimeMilliseconds();
        var window = now / 60_000;
        lock (_gate)
        {
            var (seenWindow, count) = _counts.TryGetValue(subject, out var entry) ? entry : (window, 0);
            if (seenWindow != window)
            {
                count = 0;
            }

            if (count >= limit)
            {
                var retryAfter = (int)Math.Ceiling(((window + 1) * 60_000 - now) / 1000.0);
                throw Problems.RateLimited(Math.Max(1, retryAfter));
            }

            _counts[subject] = (window, count + 1);
        }
    }

    /// <summary>Forgets every count (a reset of the emulator).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _counts.Clear();
        }
    }
}
