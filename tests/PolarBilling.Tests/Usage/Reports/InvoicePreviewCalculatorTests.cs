using PolarBilling.Plans;
using PolarBilling.Usage.Reports;
using Xunit;

namespace PolarBilling.Tests.Usage.Reports;

public sealed class InvoicePreviewCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Base_fee_plus_overage_of_the_api_plan()
    {
        var preview = Compute(ReportFixtures.Catalog().Find("api")!, 4900, new() { ["api_calls"] = 12_000 }, null);

        var line = Assert.Single(preview.Lines);
        Assert.Equal(("api_calls", 12_000L, 10_000L, 2_000L, 2_000L), (line.Meter, line.Used, line.Included, line.BillableQuantity, line.Amount));
        Assert.Equal((4900L, 6900L, 0L, 6900L), (preview.BaseFee, preview.Subtotal, preview.Discount, preview.Total));
        Assert.Contains("2,000 calls", line.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void No_usage_bills_only_the_base_fee_with_a_zero_line()
    {
        var preview = Compute(ReportFixtures.Catalog().Find("api")!, 4900, [], null);

        Assert.Equal(0, Assert.Single(preview.Lines).Amount);
        Assert.Equal(4900, preview.Total);
    }

    [Fact]
    public void Caps_each_metered_line_and_ignores_meters_the_plan_does_not_price()
    {
        var preview = Compute(ReportFixtures.Catalog().Find("tokens")!, 1000, new() { ["tokens"] = 10_000_000, ["other"] = 99 }, null);

        var line = Assert.Single(preview.Lines);
        Assert.Equal(2_500, line.Amount);
        Assert.Contains("capped at $25.00", line.Description, StringComparison.Ordinal);
        Assert.Equal(3_500, preview.Total);
    }

    [Fact]
    public void A_percentage_discount_covers_base_fee_and_overage_rounded_half_away_from_zero()
    {
        // (4900 + 2001) * 12.5 % = 862.625 -> 863
        var preview = Compute(ReportFixtures.Catalog().Find("api")!, 4900, new() { ["api_calls"] = 12_001 }, new DiscountTerms("Launch", 1250, null));

        Assert.Equal((6901L, 863L, 6038L), (preview.Subtotal, preview.Discount, preview.Total));
        Assert.Equal("Launch", preview.DiscountDescription);
    }

    [Fact]
    public void A_fixed_discount_never_takes_off_more_than_the_subtotal()
    {
        var preview = Compute(ReportFixtures.Catalog().Find("api")!, 0, new() { ["api_calls"] = 10_300 }, new DiscountTerms("Credit", null, 1_000));

        Assert.Equal((300L, 300L, 0L), (preview.Subtotal, preview.Discount, preview.Total));
    }

    private static InvoicePreview Compute(BillingPlan plan, long baseFee, Dictionary<string, long> used, DiscountTerms? discount) =>
        InvoicePreviewCalculator.Compute(plan, "usd", Start, Start.AddMonths(1), baseFee, used, discount);
}
