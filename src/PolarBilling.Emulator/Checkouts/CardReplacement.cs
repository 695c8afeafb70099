using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// A customer's saved card replaced (in the portal or through the control API): the new card becomes the payment
/// method for off-session charges and, when it pays, every order of theirs waiting in dunning is charged at once, so a
/// <c>past_due</c> subscription recovers (<c>order.updated</c>, <c>order.paid</c>, <c>subscription.updated</c>,
/// <c>subscription.active</c>). Call under the state lock.
/// </summary>
internal static class CardReplacement
{
    /// <summary>Saves <paramref name="card"/> for <paramref name="customerId"/> and retries their past-due orders.</summary>
    /// <returns>How many past-due orders the new card paid.</returns>
    public static int Replace(EmulatorState state, string customerId, TestCard card)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(card);
        state.Checkouts.Cards.Save(customerId, card);
        return card.Pays ? SubscriptionDunning.RetryNow(state, customerId) : 0;
    }
}
