namespace PolarBilling.Usage;

/// <summary>
/// Records usage for billing. Calls are counted in memory without locks or allocation and written to the database
/// every <see cref="UsageOptions.FlushInterval"/>; a sync worker sends them to Polar. Safe from any thread.
/// </summary>
public interface IUsageMeter
{
    /// <summary>Adds <paramref name="quantity"/> units of <paramref name="meter"/> to the user's usage now.</summary>
    /// <param name="userId">The app's user id (the Polar customer's <c>external_id</c>).</param>
    /// <param name="meter">The meter key, e.g. <c>api_calls</c>.</param>
    /// <param name="quantity">Units to add (1 for a call); must not be negative.</param>
    /// <exception cref="ArgumentException">The user or meter is empty, or the quantity is negative.</exception>
    void Record(string userId, string meter, long quantity = 1);
}
