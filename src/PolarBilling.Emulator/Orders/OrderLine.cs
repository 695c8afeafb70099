namespace PolarBilling.Emulator.Orders;

/// <summary>One line of an order as Polar's <c>OrderItem</c> has it: a label, an amount in cents (negative for a proration credit), whether it is a proration, and the price it bills.</summary>
/// <param name="Label">What the customer sees, e.g. the product name or "Remaining time on Pro (after 13 Nov 2026)".</param>
/// <param name="Amount">Cents before discount and tax; a proration credit is negative.</param>
/// <param name="Proration">Whether the line prorates a plan change; Polar does not discount proration lines.</param>
/// <param name="ProductPriceId">The price billed, or <see langword="null"/> for a line without one.</param>
internal sealed record OrderLine(string Label, long Amount, bool Proration, string? ProductPriceId);
