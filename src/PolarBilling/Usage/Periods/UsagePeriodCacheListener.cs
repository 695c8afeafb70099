using PolarBilling.Entitlements;

namespace PolarBilling.Usage.Periods;

/// <summary>Forgets cached billing terms when the projection changes (a renewal moves the period, a new plan changes included units).</summary>
internal sealed class UsagePeriodCacheListener(UsagePeriodResolver resolver) : IBillingChangeListener
{
    public void OnCustomersChanged(IReadOnlyCollection<string> customerIds, IReadOnlyCollection<string> userIds)
    {
        resolver.ForgetUsers(userIds);
        resolver.ForgetCustomers(customerIds);
    }

    public void OnChangesMissed() => resolver.ForgetAll();
}
