using System.Globalization;
using PolarBilling.Plans;

namespace PolarBilling.Usage.Reports;

/// <summary>
/// Builds an <see cref="InvoicePreview"/> the way Polar builds a renewal order: the fixed price, one metered line per
/// metered component of the plan (meters the plan does not price are not billed), the discount on all of them (none
/// are prorations), no tax.
/// </summary>
internal static class InvoicePreviewCalculator
{
    public static InvoicePreview Compute(
        BillingPlan plan, string currency, DateTimeOffset periodStart, DateTimeOffset periodEnd, long baseFee,
        IReadOnlyDictionary<string, long> used, DiscountTerms? discount)
    {
        var lines = new List<InvoicePreviewLine>(plan.Meters.Count);
        foreach (var component in plan.Meters.Values.OrderBy(m => m.Meter, StringComparer.Ordinal))
        {
            var quantity = used.GetValueOrDefault(component.Meter);
            var billable = MeteredCharge.Billable(quantity, component.Included);
            var amount = MeteredCharge.Amount(billable, component.UnitPrice, component.CapAmount);
            lines.Add(new InvoicePreviewLine(component.Meter, Describe(component, billable, amount, currency), quantity, component.Included, billable, component.UnitPrice, amount));
        }

        var subtotal = baseFee + lines.Sum(l => l.Amount);
        var off = discount?.Off(subtotal) ?? 0;
        return new InvoicePreview(plan.Key, currency, periodStart, periodEnd, baseFee, lines, subtotal, off, discount?.Description, subtotal - off);
    }

    private static string Describe(MeteredComponent component, long billable, long amount, string currency)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{component.Name}: {billable:#,0} {component.Unit} over {component.Included:#,0} included × {Money.Format(component.UnitPrice, currency)}");
        return component.CapAmount is { } cap && amount == cap && billable > 0 ? $"{text}, capped at {Money.Format(cap, currency)}" : text;
    }
}
