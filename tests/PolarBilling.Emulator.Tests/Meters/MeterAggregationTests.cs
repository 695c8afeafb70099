using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Meters;

public sealed class MeterAggregationTests : EmulatorTest
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private async Task<double> TotalAsync(MeterAggregation aggregation)
    {
        var meter = await UsageSetup.CreateMeterAsync(Polar, "Tokens", MeterFilters.EventName("llm"), aggregation);
        var quantities = await Polar.Meters.GetQuantitiesAsync(meter.Id, new MeterQuantitiesOptions { StartTimestamp = Day, EndTimestamp = Day, Interval = TimeInterval.Day }, cancellationToken: TestContext.Current.CancellationToken);
        return Assert.Single(quantities.Quantities).Quantity is var q && q == quantities.Total ? q : double.NaN;
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com");
        var at = Day.AddHours(1);
        await UsageSetup.IngestAsync(
            Polar,
            UsageSetup.Event(ada.Id, "llm", at, null, ("tokens", 10), ("model", "a")),
            UsageSetup.Event(ada.Id, "llm", at, null, ("tokens", 30), ("model", "b")),
            UsageSetup.Event(ada.Id, "llm", at, null, ("tokens", 5.5), ("model", "a")),
            UsageSetup.Event(ada.Id, "llm", at, null, ("tokens", "many"), ("model", 1)),
            UsageSetup.Event(ada.Id, "other", at, null, ("tokens", 1000), ("model", "c")));
    }

    [Fact]
    public async Task Count_counts_every_matching_event() => Assert.Equal(4, await TotalAsync(MeterAggregations.Count()));

    [Fact]
    public async Task Sum_adds_the_numeric_values_and_skips_the_rest() => Assert.Equal(45.5, await TotalAsync(MeterAggregations.Sum("tokens")));

    [Fact]
    public async Task Max_takes_the_largest_value() => Assert.Equal(30, await TotalAsync(MeterAggregations.Max("tokens")));

    [Fact]
    public async Task Min_takes_the_smallest_value() => Assert.Equal(5.5, await TotalAsync(MeterAggregations.Min("tokens")));

    [Fact]
    public async Task Avg_averages_the_numeric_values() => Assert.Equal(45.5 / 3, await TotalAsync(MeterAggregations.Avg("tokens")), 10);

    [Fact]
    public async Task Unique_counts_distinct_values_keeping_strings_and_numbers_apart() => Assert.Equal(3, await TotalAsync(MeterAggregations.Unique("model")));

    [Fact]
    public async Task A_property_aggregation_on_the_timestamp_reads_epoch_seconds() =>
        Assert.Equal(Day.AddHours(1).ToUnixTimeSeconds(), await TotalAsync(MeterAggregations.Max("timestamp")));
}
