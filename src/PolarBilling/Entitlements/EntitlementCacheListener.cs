namespace PolarBilling.Entitlements;

/// <summary>Invalidates the entitlement cache on every committed billing change.</summary>
internal sealed class EntitlementCacheListener(IEntitlements entitlements) : IBillingChangeListener
{
    public void OnCustomersChanged(IReadOnlyCollection<string> customerIds, IReadOnlyCollection<string> userIds)
    {
        entitlements.InvalidateUsers(userIds);
        entitlements.Invalidate(customerIds);
    }

    public void OnChangesMissed() => entitlements.InvalidateAll();
}
