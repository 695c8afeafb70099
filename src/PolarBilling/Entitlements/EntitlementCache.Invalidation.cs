namespace PolarBilling.Entitlements;

internal sealed partial class EntitlementCache
{
    public void Invalidate(IEnumerable<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        foreach (var customerId in customerIds)
        {
            if (_userByCustomer.TryGetValue(customerId, out var userId))
            {
                InvalidateUser(userId);
            }
            else
            {
                // A customer this cache has not linked to a user (yet): a load in flight may be reading it.
                Interlocked.Increment(ref _globalVersion);
            }
        }
    }

    public void InvalidateUsers(IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var userId in userIds)
        {
            InvalidateUser(userId);
        }
    }

    public void InvalidateAll()
    {
        Interlocked.Increment(ref _globalVersion);
        _entries.Clear();
    }

    private void InvalidateUser(string userId)
    {
        // Version first, then remove: a load that stored its entry after this removal sees the new version and drops it.
        Interlocked.Increment(ref _stripeVersions[StripeOf(userId)]);
        _entries.TryRemove(userId, out _);
    }
}
