namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// One amount waiting for the subscription's next order, as Polar's <c>BillingEntry</c>: a proration credit or debit
/// from a plan or seat change under <c>prorate</c> (billed with the renewal) or <c>invoice</c> (billed at once).
/// </summary>
/// <param name="Kind"><c>proration</c>, <c>subscription_seats_increase</c> or <c>subscription_seats_decrease</c> (Polar's <c>BillingEntryType</c>).</param>
/// <param name="Credit">A credit (unused time given back, billed negative) rather than a debit.</param>
/// <param name="Amount">The positive amount in minor units, discount already taken off.</param>
/// <param name="DiscountAmount">The discount taken off, for the record.</param>
/// <param name="ProductPriceId">The price the entry is for.</param>
/// <param name="ProductId">That price's product, for the line label.</param>
/// <param name="Start">Start of the prorated span (when the change applied).</param>
/// <param name="End">End of the prorated span (the period end).</param>
/// <param name="OldSeats">Seats before a seat change.</param>
/// <param name="NewSeats">Seats after a seat change.</param>
internal sealed record BillingEntry(
    string Kind,
    bool Credit,
    long Amount,
    long DiscountAmount,
    string ProductPriceId,
    string ProductId,
    DateTimeOffset Start,
    DateTimeOffset End,
    long? OldSeats = null,
    long? NewSeats = null)
{
    public const string Proration = "proration";
    public const string SeatsIncrease = "subscription_seats_increase";
    public const string SeatsDecrease = "subscription_seats_decrease";

    /// <summary>The signed amount an order line gets: credits are negative.</summary>
    public long SignedAmount => Credit ? -Amount : Amount;
}
