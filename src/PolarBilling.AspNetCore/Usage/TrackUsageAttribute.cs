namespace PolarBilling.AspNetCore.Usage;

/// <summary>
/// Bills each successful call of an endpoint as usage of a meter: endpoint metadata added by
/// <c>.TrackUsage("api_calls")</c>, or put on a controller or action. After the endpoint ran, the usage middleware
/// records <see cref="Quantity"/> units for the signed-in user when the response status is below 400; failed and
/// anonymous calls are not billed. On an endpoint inside a tracked group the most specific one wins (one meter per call).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class TrackUsageAttribute : Attribute
{
    /// <summary>Bills each successful call as <paramref name="quantity"/> units of <paramref name="meter"/>.</summary>
    /// <param name="meter">The meter key, e.g. <c>api_calls</c>.</param>
    /// <param name="quantity">Units per call; default 1.</param>
    /// <exception cref="ArgumentException">The meter is empty or the quantity is below 1.</exception>
    public TrackUsageAttribute(string meter, long quantity = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meter);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        Meter = meter;
        Quantity = quantity;
    }

    /// <summary>The meter key.</summary>
    public string Meter { get; }

    /// <summary>Units per successful call.</summary>
    public long Quantity { get; }
}
