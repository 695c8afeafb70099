using PolarBilling.Client;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Polar's <c>_validate_subscription_uniqueness</c>: unless the organization allows several subscriptions (it does
/// not by default, and the emulated organization never does), a customer with a billable subscription cannot check
/// out another recurring product (403 <c>AlreadyActiveSubscriptionError</c>). Upgrades of a free subscription and
/// one-time products are exempt; the customer is known by id or, before that, by email.
/// </summary>
internal static class CheckoutSubscriptionRule
{
    public static void Enforce(EmulatorState state, Checkout checkout)
    {
        if (checkout.SubscriptionId is not null || state.Products.Find(checkout.ProductId) is not { IsRecurring: true })
        {
            return;
        }

        string? customerId = checkout.CustomerId;
        if (customerId is null && checkout.CustomerEmail is { } email)
        {
            customerId = CustomerEngine.FindByEmail(state, email)?.Id;
        }

        if (customerId is not null && state.Subscriptions.All.Any(s => s.CustomerId == customerId && SubscriptionStates.IsBillable(s.Status)))
        {
            throw CheckoutProblems.AlreadyActiveSubscription();
        }
    }
}
