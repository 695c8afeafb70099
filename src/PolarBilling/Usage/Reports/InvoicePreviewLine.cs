namespace PolarBilling.Usage.Reports;

/// <summary>The metered line of one meter in an invoice preview, as Polar's renewal order will bill it.</summary>
/// <param name="Meter">The meter key.</param>
/// <param name="Description">What the line bills, e.g. <c>API calls: 2,000 × $0.01</c>.</param>
/// <param name="Used">Units used in the period.</param>
/// <param name="Included">Units included (credited by the plan's <c>meter_credit</c> benefit).</param>
/// <param name="BillableQuantity">Units billed: used minus included, never below 0.</param>
/// <param name="UnitPrice">Price of one unit in minor units.</param>
/// <param name="Amount">The line's amount in minor units: billable × unit price rounded half away from zero, capped.</param>
public sealed record InvoicePreviewLine(string Meter, string Description, long Used, long Included, long BillableQuantity, decimal UnitPrice, long Amount);
