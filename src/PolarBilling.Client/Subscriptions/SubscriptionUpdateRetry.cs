using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Which subscription updates may be repeated after an ambiguous failure: only those that cannot charge or end access.</summary>
internal static class SubscriptionUpdateRetry
{
    private static readonly string[] ChargingFields = ["product_id", "trial_end"];

    public static RetryMode ModeFor(SubscriptionUpdate update) => update switch
    {
        // Flags and scheduled changes: setting them twice leaves the same state and charges nothing.
        SubscriptionCancel or SubscriptionPause or SubscriptionUpdateClear => RetryMode.Safe,

        // Discount (applies next cycle), proration preference and metadata alone charge nothing.
        SubscriptionUpdateBase change when change.ProductId is null && change.TrialEnd is null && !HasChargingField(change) => RetryMode.Safe,

        // Product, trial end, seats, billing period and resume can charge; revoke is final; unknown kinds are treated as charging.
        _ => RetryMode.MoneyMoving,
    };

    private static bool HasChargingField(PolarObject update) =>
        update.AdditionalProperties is { } extra && ChargingFields.Any(extra.ContainsKey);
}
