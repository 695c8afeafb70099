using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Meters;

public sealed class MeterFilterTests : EmulatorTest
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com");
        await UsageSetup.IngestAsync(
            Polar,
            UsageSetup.Event(ada.Id, "api_call", Day.AddHours(1), null, ("status", 200), ("path", "/v1/users"), ("cached", true)),
            UsageSetup.Event(ada.Id, "api_call", Day.AddHours(2), null, ("status", 404), ("path", "/v1/orders"), ("cached", false)),
            UsageSetup.Event(ada.Id, "api_call", Day.AddHours(3), null, ("status", "500"), ("path", "/health")),
            UsageSetup.Event(ada.Id, "login", Day.AddHours(4), null, ("status", 200)));
    }

    private async Task<double> CountAsync(Filter filter)
    {
        var meter = await UsageSetup.CreateMeterAsync(Polar, "Calls", filter, MeterAggregations.Count());
        var quantities = await Polar.Meters.GetQuantitiesAsync(meter.Id, new MeterQuantitiesOptions { StartTimestamp = Day, EndTimestamp = Day, Interval = TimeInterval.Day }, cancellationToken: TestContext.Current.CancellationToken);
        return quantities.Total;
    }

    private static Filter All(params FilterCondition[] clauses) => MeterFilters.All(clauses);

    private static FilterClause Clause(string property, FilterOperator op, MetadataValue value) => MeterFilters.Clause(property, op, value);

    [Theory]
    [InlineData("eq", 200, 2)]
    [InlineData("ne", 200, 2)]
    [InlineData("gt", 200, 2)]
    [InlineData("gte", 200, 4)]
    [InlineData("lt", 404, 2)]
    [InlineData("lte", 404, 3)]
    public async Task Numbers_compare_as_numbers_and_string_metadata_as_text_of_the_value(string op, int value, int expected)
    {
        Assert.Equal(expected, await CountAsync(All(Clause("status", new FilterOperator(op), value))));
    }

    [Fact]
    public async Task A_string_value_never_matches_numeric_metadata()
    {
        Assert.Equal(1, await CountAsync(All(Clause("status", FilterOperator.Eq, "500"))));
        Assert.Equal(0, await CountAsync(All(Clause("status", FilterOperator.Eq, "200"))));
    }

    [Fact]
    public async Task Like_and_not_like_match_text_containing_the_value()
    {
        Assert.Equal(2, await CountAsync(All(Clause("name", FilterOperator.Eq, "api_call"), Clause("path", FilterOperator.Like, "/v1/"))));
        Assert.Equal(1, await CountAsync(All(Clause("name", FilterOperator.Eq, "api_call"), Clause("path", FilterOperator.NotLike, "v1"))));
        Assert.Equal(2, await CountAsync(All(Clause("status", FilterOperator.Like, "20"))));
    }

    [Fact]
    public async Task A_missing_key_matches_nothing_not_even_ne()
    {
        Assert.Equal(2, await CountAsync(All(Clause("path", FilterOperator.Ne, "/health"))));
        Assert.Equal(1, await CountAsync(All(Clause("cached", FilterOperator.Ne, false))));
        Assert.Equal(0, await CountAsync(All(Clause("cached", FilterOperator.Eq, 1))));
    }

    [Fact]
    public async Task Conjunctions_nest()
    {
        var filter = MeterFilters.Any(
            Clause("name", FilterOperator.Eq, "login"),
            All(Clause("name", FilterOperator.Eq, "api_call"), Clause("status", FilterOperator.Gte, 400)));

        Assert.Equal(3, await CountAsync(filter));

        // An empty filter matches every event, Polar's own customer.created system event included.
        Assert.Equal(5, await CountAsync(All()));
    }

    [Fact]
    public async Task The_timestamp_property_compares_epoch_seconds()
    {
        var cut = (int)Day.AddHours(2).ToUnixTimeSeconds();

        Assert.Equal(2, await CountAsync(All(Clause("name", FilterOperator.Ne, "customer.created"), Clause("timestamp", FilterOperator.Gt, cut))));
        Assert.Equal(0, await CountAsync(All(Clause("timestamp", FilterOperator.Gt, "x"))));
    }
}
