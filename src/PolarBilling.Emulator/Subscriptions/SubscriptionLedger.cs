namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// What Polar keeps about a subscription besides the public model: the anchor day of its periods, the amount of each
/// price (custom and seat amounts are not in the model), when its discount first applied, billing entries waiting
/// for the next order and the hidden half of a pending update (its proration behaviour and discount).
/// </summary>
internal sealed class SubscriptionLedger
{
    /// <summary>Day of month periods renew on (Polar's <c>anchor_day</c>): the start day, clamped in short months.</summary>
    public int AnchorDay { get; set; } = 1;

    /// <summary>Amount of each static price by price id (Polar's <c>SubscriptionProductPrice.amount</c>).</summary>
    public Dictionary<string, long> PriceAmounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Start of the first period the discount applied to (Polar's <c>discount_applied_at</c>).</summary>
    public DateTimeOffset? DiscountAppliedAt { get; set; }

    /// <summary>Proration entries not yet on an order, oldest first.</summary>
    public List<BillingEntry> PendingEntries { get; } = [];

    /// <summary>The proration behaviour a pending update was asked with.</summary>
    public string? PendingProrationBehavior { get; set; }

    /// <summary>The discount a pending product change brings (<see cref="PendingDiscountUnset"/> removes it instead).</summary>
    public string? PendingDiscountId { get; set; }

    /// <summary>Whether the pending update removes the discount.</summary>
    public bool PendingDiscountUnset { get; set; }

    /// <summary>Start of the period in which metered usage is billed (the current period start unless a plan change reset it).</summary>
    public DateTimeOffset? UsageStart { get; set; }

    public void ClearPendingUpdateDetails()
    {
        PendingProrationBehavior = null;
        PendingDiscountId = null;
        PendingDiscountUnset = false;
    }
}
