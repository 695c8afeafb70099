namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// A Stripe test card the emulator accepts, and what charging it does. Polar takes payments through Stripe, so
/// Stripe's test numbers decide the outcome: <c>4242 4242 4242 4242</c> pays, <c>4000 0000 0000 0002</c> is declined
/// (<c>generic_decline</c>), <c>4000 0000 0000 9995</c> fails for insufficient funds (neither can even be saved),
/// <c>4000 0000 0000 0341</c> can be saved but declines every charge. The card is remembered for the
/// customer, so later off-session charges (renewals, <c>orders:finalize</c>) succeed or fail the same way.
/// </summary>
/// <param name="Number">The 16 digits.</param>
/// <param name="DeclineCode">Stripe's decline code, or <see langword="null"/> when the card pays.</param>
/// <param name="Message">Stripe's customer-facing message for the decline.</param>
/// <param name="Attaches">Whether the card can be saved (a SetupIntent succeeds) even if charging it fails.</param>
internal sealed record TestCard(string Number, string? DeclineCode, string? Message, bool Attaches)
{
    public const string DefaultNumber = "4242424242424242";

    public static readonly TestCard Success = new(DefaultNumber, null, null, Attaches: true);

    public static readonly TestCard Declined = new("4000000000000002", "generic_decline", "Your card was declined.", Attaches: false);

    public static readonly TestCard InsufficientFunds = new("4000000000009995", "insufficient_funds", "Your card has insufficient funds.", Attaches: false);

    /// <summary>Stripe's "decline after attaching" card: saving it works (a trial starts) but every charge is declined.</summary>
    public static readonly TestCard DeclinedAfterAttaching = new("4000000000000341", "generic_decline", "Your card was declined.", Attaches: true);

    private static readonly TestCard[] Known = [Success, Declined, InsufficientFunds, DeclinedAfterAttaching];

    /// <summary>Whether charging the card succeeds.</summary>
    public bool Pays => DeclineCode is null;

    /// <summary>The text listing the accepted numbers, for error messages.</summary>
    public static string Describe() =>
        "Use a Stripe test card: 4242424242424242 (pays), 4000000000000002 (declined), 4000000000009995 (insufficient funds) or 4000000000000341 (saved, then every charge declined).";

    /// <summary>The test card with <paramref name="number"/> (spaces and dashes ignored), or <see langword="null"/>.</summary>
    public static TestCard? Find(string? number)
    {
        if (number is null)
        {
            return null;
        }

        var digits = new string([.. number.Where(c => c is not (' ' or '-'))]);
        return Known.FirstOrDefault(card => card.Number == digits);
    }

    /// <summary>Polar's message when a checkout payment fails (server <c>checkout/service.py PaymentError</c>).</summary>
    public string FailureDetail => $"The payment failed: {Message} Please try again with a different payment method.";
}
