using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Meters;

public sealed class MeterQuantitiesTests : EmulatorTest
{
    private static readonly DateTimeOffset Start = new(2026, 10, 30, 0, 0, 0, TimeSpan.Zero);

    private Meter _meter = null!;
    private Customer _ada = null!;
    private Customer _alan = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _meter = await UsageSetup.CreateMeterAsync(Polar, "Tokens", MeterFilters.EventName("llm"), MeterAggregations.Sum("tokens"));
        _ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_ada");
        _alan = await UsageSetup.CreateCustomerAsync(Polar, "alan@example.com", "user_alan");
        await UsageSetup.IngestAsync(
            Polar,
            UsageSetup.Event(_ada.Id, "llm", Start.AddHours(3), null, ("tokens", 100)),
            UsageSetup.Event(_ada.Id, "llm", Start.AddHours(5), null, ("tokens", 50)),
            UsageSetup.Event(_alan.Id, "llm", Start.AddDays(1).AddHours(1), null, ("tokens", 7)),
            new EventCreateExternalCustomer { ExternalCustomerId = "user_ada", Name = "llm", Timestamp = Start.AddDays(3).AddHours(8), Metadata = Client.Serialization.PolarJson.Deserialize<EventMetadataInput>("""{"tokens":3}""") });
    }

    private Task<MeterQuantities> QuantitiesAsync(DateTimeOffset start, DateTimeOffset end, TimeInterval interval, Action<MeterQuantitiesOptions>? configure = null)
    {
        var options = new MeterQuantitiesOptions { StartTimestamp = start, EndTimestamp = end, Interval = interval };
        configure?.Invoke(options);
        return Polar.Meters.GetQuantitiesAsync(_meter.Id, options, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Daily_buckets_cover_start_to_end_included_with_zeros_and_a_total()
    {
        var result = await QuantitiesAsync(Start, Start.AddDays(3), TimeInterval.Day);

        Assert.Equal([Start, Start.AddDays(1), Start.AddDays(2), Start.AddDays(3)], result.Quantities.Select(q => q.Timestamp));
        Assert.Equal([150.0, 7, 0, 3], result.Quantities.Select(q => q.Quantity));
        Assert.Equal(160, result.Total);
    }

    [Fact]
    public async Task A_bucket_holds_its_whole_period_even_before_a_mid_day_start()
    {
        var result = await QuantitiesAsync(Start.AddHours(4), Start.AddHours(4), TimeInterval.Day);

        Assert.Equal(150, Assert.Single(result.Quantities).Quantity);
    }

    [Fact]
    public async Task Hourly_weekly_and_monthly_buckets_truncate_like_PostgreSQL()
    {
        var hourly = await QuantitiesAsync(Start.AddHours(2), Start.AddHours(5), TimeInterval.Hour);
        var weekly = await QuantitiesAsync(Start, Start.AddDays(14), TimeInterval.Week);
        var monthly = await QuantitiesAsync(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), TimeInterval.Month);

        Assert.Equal([0.0, 100, 0, 50], hourly.Quantities.Select(q => q.Quantity));
        Assert.Equal([157.0, 3, 0], weekly.Quantities.Select(q => q.Quantity));
        Assert.Equal([157.0, 3, 0], monthly.Quantities.Select(q => q.Quantity));
    }

    [Fact]
    public async Task Customer_filters_match_by_id_or_external_id_either_way()
    {
        var byId = await QuantitiesAsync(Start, Start.AddDays(3), TimeInterval.Day, o => o.CustomerId = [_ada.Id]);
        var byExternalId = await QuantitiesAsync(Start, Start.AddDays(3), TimeInterval.Day, o => o.ExternalCustomerId = ["user_alan"]);

        Assert.Equal(153, byId.Total);
        Assert.Equal(7, byExternalId.Total);
    }

    [Fact]
    public async Task A_customer_aggregation_function_aggregates_per_customer_first()
    {
        var result = await QuantitiesAsync(Start, Start.AddDays(6), TimeInterval.Week, o => o.CustomerAggregationFunction = AggregationFunction.Max);

        Assert.Equal(150, result.Quantities[0].Quantity);
    }

    [Fact]
    public async Task Max_meters_total_the_largest_bucket()
    {
        var max = await UsageSetup.CreateMeterAsync(Polar, "Peak", MeterFilters.EventName("llm"), MeterAggregations.Max("tokens"));

        var result = await Polar.Meters.GetQuantitiesAsync(max.Id, new MeterQuantitiesOptions { StartTimestamp = Start, EndTimestamp = Start.AddDays(3), Interval = TimeInterval.Day }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([100.0, 7, 0, 3], result.Quantities.Select(q => q.Quantity));
        Assert.Equal(100, result.Total);
    }

    [Fact]
    public async Task Missing_naive_and_out_of_range_parameters_are_422s()
    {
        var path = $"/v1/meters/{_meter.Id}/quantities";

        var (missing, missingBody) = await SendAsync(HttpMethod.Get, path);
        var (naive, naiveBody) = await SendAsync(HttpMethod.Get, path + "?start_timestamp=2026-10-30T00:00:00&end_timestamp=2026-10-31T00:00:00Z&interval=day");
        var (badInterval, badIntervalBody) = await SendAsync(HttpMethod.Get, path + "?start_timestamp=2026-10-30T00:00:00Z&end_timestamp=2026-10-31T00:00:00Z&interval=minute");
        var (tooLong, tooLongBody) = await SendAsync(HttpMethod.Get, path + "?start_timestamp=2026-10-01T00:00:00Z&end_timestamp=2026-10-31T00:00:00Z&interval=hour");

        Assert.Equal((422, 422, 422, 422), (missing, naive, badInterval, tooLong));
        Assert.Equal(["start_timestamp", "end_timestamp", "interval"], missingBody!["detail"]!.AsArray().Select(d => d!["loc"]![1]!.GetValue<string>()));
        Assert.Equal("timezone_aware", naiveBody!["detail"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("'year', 'month', 'week', 'day' or 'hour'", badIntervalBody!["detail"]![0]!["ctx"]!["expected"]!.GetValue<string>());
        Assert.Equal("The interval is too small for the given date range. Use a larger interval or reduce the date range.", tooLongBody!["detail"]![0]!["msg"]!.GetValue<string>());
    }
}
