using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Polar's checkout expiry (server <c>checkout/repository.py expire_open_checkouts</c> + the <c>checkout.expired</c>
/// task): an <c>open</c> checkout past <c>expires_at</c> (24 h after creation) becomes <c>expired</c> and emits
/// <c>checkout.expired</c> only. Polar runs it on a schedule; the emulator runs <see cref="ExpireDue"/> whenever a
/// checkout is read or acted on, and the test clock can call it when time moves. Call under the state lock.
/// </summary>
internal static class CheckoutExpiry
{
    /// <summary>Polar's <c>CHECKOUT_TTL_SECONDS</c>.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(86_400);

    /// <summary>Expires every open checkout whose <c>expires_at</c> has passed, oldest first; returns how many.</summary>
    public static int ExpireDue(EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var due = state.Checkouts.All.Where(c => IsDue(state, c)).OrderBy(c => c.ExpiresAt).ToList();
        foreach (var checkout in due)
        {
            Expire(state, checkout);
        }

        return due.Count;
    }

    /// <summary>Polar's <c>is_expired</c>: <c>expires_at</c> is in the past, whatever the status.</summary>
    public static bool IsPast(EmulatorState state, Checkout checkout) => checkout.ExpiresAt < state.Now;

    private static bool IsDue(EmulatorState state, Checkout checkout) => checkout.Status == CheckoutStatus.Open && IsPast(state, checkout);

    /// <summary>Expires one open checkout now, whatever its <c>expires_at</c> (the test clock and triggers call this).</summary>
    public static void Expire(EmulatorState state, Checkout checkout)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(checkout);
        checkout.Status = CheckoutStatus.Expired;
        checkout.ModifiedAt = state.Now;
        CheckoutEvents.Expired(state, checkout);
    }
}
