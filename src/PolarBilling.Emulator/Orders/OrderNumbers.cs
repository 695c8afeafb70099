using System.Globalization;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Orders;

/// <summary>
/// Invoice and receipt numbers as Polar allocates them: <c>{ORG SLUG}-0001</c> per organization (server
/// <c>organization/service.py get_next_invoice_number</c>, prefix = upper-cased slug) and <c>RCPT-{customer}-0001</c>
/// per customer (<c>receipt/service.py</c>). Derived from the stored orders, so export and import keep the sequence.
/// </summary>
internal static class OrderNumbers
{
    public static string NextInvoiceNumber(EmulatorState state)
    {
        var prefix = state.Organization.Slug.ToUpperInvariant() + "-";
        return prefix + Next(state, prefix, o => o.InvoiceNumber).ToString("D4", CultureInfo.InvariantCulture);
    }

    public static string NextReceiptNumber(EmulatorState state, string customerId)
    {
        // Polar uses the customer's short id; the first 8 characters of the id stand in for it (approximation).
        var prefix = "RCPT-" + customerId.Replace("-", string.Empty, StringComparison.Ordinal)[..8].ToUpperInvariant() + "-";
        return prefix + Next(state, prefix, o => o.ReceiptNumber).ToString("D4", CultureInfo.InvariantCulture);
    }

    // The stored orders are scanned once per prefix; after that the sequence is counted on in the state.
    private static int Next(EmulatorState state, string prefix, Func<Client.Order, string?> number)
    {
        if (!state.OrderNumberSequences.TryGetValue(prefix, out var highest))
        {
            highest = Highest(state.Orders.All.Select(number), prefix);
        }

        state.OrderNumberSequences[prefix] = highest + 1;
        return highest + 1;
    }

    private static int Highest(IEnumerable<string?> numbers, string prefix)
    {
        var highest = 0;
        foreach (var number in numbers)
        {
            if (number is not null && number.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(number.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                highest = Math.Max(highest, value);
            }
        }

        return highest;
    }
}
