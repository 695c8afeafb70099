using PolarBilling.Usage.Reports;
using Xunit;

namespace PolarBilling.Tests.Usage.Reports;

public sealed class MeteredChargeTests
{
    [Theory]
    [InlineData(12_000, 10_000, 2_000)]
    [InlineData(10_000, 10_000, 0)]
    [InlineData(500, 10_000, 0)]
    [InlineData(0, 0, 0)]
    [InlineData(7, 0, 7)]
    public void Billable_units_are_used_minus_included_never_negative(long used, long included, long expected) =>
        Assert.Equal(expected, MeteredCharge.Billable(used, included));

    [Theory]
    [InlineData(2_000, "1", null, 2_000)]
    [InlineData(3, "0.5", null, 2)] // 1.5 rounds away from zero
    [InlineData(5, "0.5", null, 3)] // 2.5 -> 3, not banker's 2
    [InlineData(1, "0.49", null, 0)]
    [InlineData(0, "1", null, 0)]
    [InlineData(100_000, "1", 5_000L, 5_000)]
    [InlineData(4_000, "1", 5_000L, 4_000)]
    [InlineData(3, "0.0005", null, 0)]
    [InlineData(1_000, "0.0005", null, 1)] // 0.5 -> 1
    public void Amount_rounds_half_away_from_zero_and_caps(long billable, string unitPrice, long? cap, long expected) =>
        Assert.Equal(expected, MeteredCharge.Amount(billable, decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture), cap));

    [Theory]
    [InlineData(7_999, 10_000, null)]
    [InlineData(8_000, 10_000, 80)]
    [InlineData(10_000, 10_000, 100)]
    [InlineData(14_999, 10_000, 100)]
    [InlineData(15_000, 10_000, 150)]
    [InlineData(90_000, 10_000, 150)]
    [InlineData(5, 0, null)]
    [InlineData(1, 3, null)] // 33 %
    [InlineData(3, 3, 100)]
    public void Alert_level_is_the_highest_threshold_reached(long used, long included, int? expected) =>
        Assert.Equal(expected, MeteredCharge.AlertLevel(used, included, [80, 100, 150]));
}
