using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Meters;

/// <summary>Meter quantities: the window, the bucket size, customer filters and the total.</summary>
public sealed class MeterQuantitiesTests
{
    private static readonly DateTimeOffset JuneFirst = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Quantities_send_the_window_interval_and_every_filter_as_query_parameters()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/meters/{id}/quantities").Always(LoopbackResponse.Json(200, MeterFixtures.Quantities));
        var client = server.CreateClient();

        var quantities = await client.Meters.GetQuantitiesAsync(
            MeterFixtures.ApiCallsId,
            new MeterQuantitiesOptions
            {
                StartTimestamp = JuneFirst,
                EndTimestamp = new DateTimeOffset(2026, 6, 4, 2, 0, 0, TimeSpan.FromHours(2)),
                Interval = TimeInterval.Day,
                Timezone = "Europe/Paris",
                CustomerId = [MeterFixtures.CustomerId],
                ExternalCustomerId = ["user_42", "org_7"],
                CustomerAggregationFunction = AggregationFunction.Max,
                Metadata = new Dictionary<string, MetadataValue> { ["region"] = "eu" },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", $"/v1/meters/{MeterFixtures.ApiCallsId}/quantities"), (request.Method, request.Path));
        Assert.Equal(
            [
                new("start_timestamp", "2026-06-01T00:00:00.000000Z"), new("end_timestamp", "2026-06-04T00:00:00.000000Z"), new("interval", "day"),
                new("timezone", "Europe/Paris"), new("customer_id", MeterFixtures.CustomerId), new("external_customer_id", "user_42"),
                new("external_customer_id", "org_7"), new("customer_aggregation_function", "max"), new("metadata[region]", "eu"),
            ],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(3, quantities.Quantities.Count);
        Assert.Equal(2030.5, quantities.Total);
    }

    [Fact]
    public async Task Total_for_one_user_asks_for_daily_buckets_of_that_external_customer()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/meters/{id}/quantities").Always(LoopbackResponse.Json(200, MeterFixtures.Quantities));
        var client = server.CreateClient();

        var total = await client.Meters.GetTotalForExternalCustomerAsync(MeterFixtures.ApiCallsId, "user_42", JuneFirst, JuneFirst.AddMonths(1), cancellationToken: Ct);

        Assert.Equal(2030.5, total);
        Assert.Equal(
            [
                new("start_timestamp", "2026-06-01T00:00:00.000000Z"), new("end_timestamp", "2026-07-01T00:00:00.000000Z"),
                new("interval", "day"), new("timezone", "UTC"), new("external_customer_id", "user_42"),
            ],
            Assert.Single(server.Requests).Query);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Total_for_one_user_asks_from_the_start_days_midnight_so_the_end_day_is_a_bucket_too()
    {
        // Polar's day series runs from start_timestamp: from 22:30 it would step past an end at 00:45 the next day and
        // leave that day out. The total asks from midnight (UTC) of the start's day instead.
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/meters/{id}/quantities").Always(LoopbackResponse.Json(200, MeterFixtures.Quantities));
        var client = server.CreateClient();
        var start = new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.FromHours(1)); // 22:30 UTC

        await client.Meters.GetTotalForExternalCustomerAsync(MeterFixtures.ApiCallsId, "user_42", start, start.AddHours(2).AddMinutes(15), cancellationToken: Ct);

        var query = Assert.Single(server.Requests).Query;
        Assert.Contains(new("start_timestamp", "2026-06-01T00:00:00.000000Z"), query);
        Assert.Contains(new("end_timestamp", "2026-06-02T00:45:00.000000Z"), query);
    }

    [Fact]
    public async Task Total_for_a_window_that_ends_before_it_starts_on_the_same_day_is_rejected() =>
        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await using var server = await LoopbackPolarServer.StartAsync(Ct);
            await server.CreateClient().Meters.GetTotalForExternalCustomerAsync(
                MeterFixtures.ApiCallsId, "user_42", JuneFirst.AddHours(20), JuneFirst.AddHours(10), cancellationToken: Ct);
        });

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_rejected_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Meters.GetQuantitiesAsync(
            MeterFixtures.ApiCallsId,
            new MeterQuantitiesOptions { StartTimestamp = JuneFirst, EndTimestamp = JuneFirst.AddDays(-1), Interval = TimeInterval.Hour },
            cancellationToken: Ct));

        Assert.Contains("EndTimestamp", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unknown_meter_throws_not_found()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/meters/{id}/quantities").Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Meters.GetQuantitiesAsync(
            MeterFixtures.ApiCallsId, new MeterQuantitiesOptions { StartTimestamp = JuneFirst, EndTimestamp = JuneFirst.AddDays(1), Interval = TimeInterval.Hour },
            cancellationToken: Ct));
    }
}
