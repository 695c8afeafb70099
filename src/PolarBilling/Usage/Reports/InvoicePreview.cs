namespace PolarBilling.Usage.Reports;

/// <summary>
/// What the user's next renewal order will charge for the current period (<c>GET {prefix}/usage/invoice-preview</c>):
/// the plan's fixed price for the next period, one metered line per metered component, the subscription's discount,
/// and the total, computed with Polar's arithmetic. Tax is not included (Polar adds it at checkout time by location).
/// </summary>
/// <param name="Plan">The plan key.</param>
/// <param name="Currency">Lowercase ISO currency.</param>
/// <param name="PeriodStart">Start of the billed usage period.</param>
/// <param name="PeriodEnd">End of it: when Polar creates the order.</param>
/// <param name="BaseFee">The fixed price billed at renewal (0 when the subscription ends at period end, or without one).</param>
/// <param name="Lines">Metered lines.</param>
/// <param name="Subtotal">Base fee plus metered lines.</param>
/// <param name="Discount">What the discount takes off.</param>
/// <param name="DiscountDescription">The discount's name and terms, or <see langword="null"/> without one.</param>
/// <param name="Total">Subtotal minus discount.</param>
public sealed record InvoicePreview(
    string Plan,
    string Currency,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    long BaseFee,
    IReadOnlyList<InvoicePreviewLine> Lines,
    long Subtotal,
    long Discount,
    string? DiscountDescription,
    long Total);
