namespace PolarBilling.Cli;

/// <summary>A clock stopped at one instant: <c>--now</c> checks a captured delivery as of when it was sent.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
