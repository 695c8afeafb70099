namespace PolarBilling.Usage.Recording;

/// <summary>A user and a meter, compared ordinally: the key of one in-memory usage counter.</summary>
internal readonly struct UsageKey(string userId, string meter) : IEquatable<UsageKey>
{
    public string UserId { get; } = userId;

    public string Meter { get; } = meter;

    public bool Equals(UsageKey other) =>
        string.Equals(UserId, other.UserId, StringComparison.Ordinal) && string.Equals(Meter, other.Meter, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is UsageKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(UserId.GetHashCode(StringComparison.Ordinal), Meter.GetHashCode(StringComparison.Ordinal));
}
