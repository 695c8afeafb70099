namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// The card each customer last paid a checkout with (Polar saves it as the customer's payment method). Off-session
/// charges — renewals, plan changes billed now, <c>orders:finalize</c> — ask <see cref="CardOf"/> whether
/// charging the customer works. Exported with the checkouts.
/// </summary>
internal sealed class CustomerCards
{
    private readonly Dictionary<string, string> _cards = new(StringComparer.Ordinal);

    /// <summary>Every saved card number by customer id.</summary>
    public IReadOnlyDictionary<string, string> All => _cards;

    /// <summary>Saves <paramref name="card"/> as <paramref name="customerId"/>'s payment method.</summary>
    public void Save(string customerId, TestCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _cards[customerId] = card.Number;
    }

    /// <summary>
    /// The card an off-session charge of <paramref name="customerId"/> uses (check <see cref="TestCard.Pays"/>), or
    /// <see langword="null"/> when the customer never paid by card and so has no payment method to charge.
    /// </summary>
    public TestCard? CardOf(string customerId) => _cards.TryGetValue(customerId, out var number) ? TestCard.Find(number) : null;

    public void Clear() => _cards.Clear();

    public void Set(string customerId, string number) => _cards[customerId] = number;
}
