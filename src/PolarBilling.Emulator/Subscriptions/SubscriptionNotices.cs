using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>Announces subscription changes: each webhook carries the subscription as Polar would load it at that moment.</summary>
internal static class SubscriptionNotices
{
    public static void Emit(EmulatorState state, Subscription subscription, Func<Subscription, PolarWebhookEvent> build)
    {
        var fresh = SubscriptionViews.Refresh(state, subscription);
        state.Webhooks.Emit(build(fresh));
    }

    /// <summary>Polar enqueues <c>customer.state_changed</c> after every subscription and grant change.</summary>
    public static void CustomerStateChanged(EmulatorState state, string customerId) =>
        CustomerEngine.StateChanged(state, customerId);
}
