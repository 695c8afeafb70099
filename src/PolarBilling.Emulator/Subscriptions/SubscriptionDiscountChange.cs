using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Polar's <c>resolve_discount</c> and <c>update_discount</c>: the discount must exist, apply to the product and be
/// redeemable (one redemption is counted); it replaces the current one at once and is first billed at the next cycle.
/// </summary>
internal static class SubscriptionDiscountChange
{
    public static void Apply(EmulatorState state, SubscriptionChange change, DiscountChoice choice)
    {
        var subscription = change.Subscription;
        var discount = Resolve(state, subscription, choice, subscription.ProductId);
        Set(state, subscription, discount);
    }

    /// <summary>
    /// The discount asked for, or <see langword="null"/> when removing it; redeemed unless <paramref name="redeem"/> is
    /// off (a caller that may still fail redeems it with <see cref="DiscountRules.Redeem"/> once the change is certain).
    /// </summary>
    /// <exception cref="EmulatorProblem">422 at <c>body.discount_id</c>.</exception>
    public static Discount? Resolve(EmulatorState state, Subscription subscription, DiscountChoice choice, string productId, bool redeem = true)
    {
        if (choice.DiscountId is not { } id)
        {
            return null;
        }

        var discount = DiscountRules.FindRedeemableById(state, id, productId, subscription.Currency)
            ?? throw Problems.InvalidField("discount_id", "Discount does not exist, is not applicable to this product or is not redeemable.", JsonValue.Create(id));
        if (discount.Id == subscription.DiscountId)
        {
            throw Problems.InvalidField("discount_id", "This discount is already applied to the subscription.", JsonValue.Create(id));
        }

        if (redeem)
        {
            DiscountRules.Redeem(state, discount, subscription.CustomerId);
        }

        return discount;
    }

    /// <summary>
    /// Puts <paramref name="discount"/> on the subscription. Its repetition counts from the first cycle it is billed in,
    /// so the applied date starts over (Polar sets <c>discount_applied_at</c> on first use).
    /// </summary>
    public static void Set(EmulatorState state, Subscription subscription, Discount? discount)
    {
        subscription.DiscountId = discount?.Id;
        state.Subscriptions.Ledger(subscription.Id).DiscountAppliedAt = null;
    }
}
