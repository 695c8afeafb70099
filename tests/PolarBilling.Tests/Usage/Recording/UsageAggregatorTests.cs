using PolarBilling.Usage.Recording;
using Xunit;

namespace PolarBilling.Tests.Usage.Recording;

public sealed class UsageAggregatorTests
{
    [Fact]
    public void Recorded_units_are_drained_once_per_user_and_meter()
    {
        var aggregator = new UsageAggregator();
        aggregator.Record("u1", "api_calls");
        aggregator.Record("u1", "api_calls", 4);
        aggregator.Record("u1", "tokens", 1200);
        aggregator.Record("u2", "api_calls");

        var drained = aggregator.Drain().ToDictionary(d => (d.UserId, d.Meter), d => d.Quantity);

        Assert.Equal(new Dictionary<(string, string), long> { [("u1", "api_calls")] = 5, [("u1", "tokens")] = 1200, [("u2", "api_calls")] = 1 }, drained);
        Assert.Empty(aggregator.Drain());
    }

    [Fact]
    public void User_ids_and_meters_are_compared_ordinally()
    {
        var aggregator = new UsageAggregator();
        aggregator.Record("User", "api_calls");
        aggregator.Record("user", "api_calls");

        Assert.Equal(2, aggregator.Drain().Count);
    }

    [Theory]
    [InlineData("", "api_calls", 1, "userId")]
    [InlineData(null, "api_calls", 1, "userId")]
    [InlineData("u1", "", 1, "meter")]
    [InlineData("u1", "api_calls", -1, "quantity")]
    public void Bad_arguments_are_refused_with_the_parameter_named(string? userId, string meter, long quantity, string parameter)
    {
        var aggregator = new UsageAggregator();

        var error = Assert.ThrowsAny<ArgumentException>(() => aggregator.Record(userId!, meter, quantity));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(aggregator.Drain());
    }

    [Fact]
    public void A_zero_quantity_records_nothing()
    {
        var aggregator = new UsageAggregator();
        aggregator.Record("u1", "api_calls", 0);

        Assert.Empty(aggregator.Drain());
        Assert.Equal(0, aggregator.CounterCount);
    }

    [Fact]
    public void Restored_units_come_back_in_the_next_drain()
    {
        var aggregator = new UsageAggregator();
        aggregator.Record("u1", "api_calls", 3);
        var first = aggregator.Drain();
        aggregator.Record("u1", "api_calls", 2);

        aggregator.Restore(first);

        Assert.Equal(5, Assert.Single(aggregator.Drain()).Quantity);
    }

    [Fact]
    public void An_idle_counter_is_removed_and_the_pair_records_again_afterwards()
    {
        var aggregator = new UsageAggregator();
        aggregator.Record("u1", "api_calls");
        aggregator.Drain();
        for (var i = 0; i < UsageAggregator.IdleDrainsBeforeRetiring; i++)
        {
            Assert.Empty(aggregator.Drain());
        }

        Assert.Equal(0, aggregator.CounterCount);
        aggregator.Record("u1", "api_calls", 7);
        Assert.Equal(7, Assert.Single(aggregator.Drain()).Quantity);
    }

    [Fact]
    public async Task Many_threads_recording_while_others_drain_lose_and_double_count_nothing()
    {
        var aggregator = new UsageAggregator();
        const int Threads = 6;
        const int PerThread = 200_000;
        var users = Enumerable.Range(0, 20).Select(i => $"user-{i}").ToArray();
        var drained = new Dictionary<(string, string), long>();
        using var recording = new CancellationTokenSource();

        var drainers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var mine = new List<UsageDelta>();
            while (!recording.IsCancellationRequested)
            {
                mine.AddRange(aggregator.Drain());
            }

            return mine;
        })).ToArray();
        var recorders = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                aggregator.Record(users[(i + t) % users.Length], i % 3 == 0 ? "tokens" : "api_calls", i % 3 == 0 ? 10 : 1);
            }
        })).ToArray();

        await Task.WhenAll(recorders);
        await recording.CancelAsync();
        foreach (var delta in (await Task.WhenAll(drainers)).SelectMany(d => d).Concat(aggregator.Drain()))
        {
            drained[(delta.UserId, delta.Meter)] = drained.GetValueOrDefault((delta.UserId, delta.Meter)) + delta.Quantity;
        }

        var expected = new Dictionary<(string, string), long>();
        for (var t = 0; t < Threads; t++)
        {
            for (var i = 0; i < PerThread; i++)
            {
                var key = (users[(i + t) % users.Length], i % 3 == 0 ? "tokens" : "api_calls");
                expected[key] = expected.GetValueOrDefault(key) + (i % 3 == 0 ? 10 : 1);
            }
        }

        Assert.Equal(expected, drained);
    }

    [Fact]
    public async Task Counters_retired_while_threads_record_hand_every_unit_on()
    {
        // Sparse recording and constant draining make counters go idle, retire and be re-created over and over,
        // racing Record calls that land on a counter just as it is retired.
        var aggregator = new UsageAggregator(idleDrainsBeforeRetiring: 1);
        const int Threads = 4;
        const int PerThread = 20_000;
        using var recording = new CancellationTokenSource();
        var drainer = Task.Run(() =>
        {
            long units = 0;
            var drains = 0;
            while (!recording.IsCancellationRequested)
            {
                units += aggregator.Drain().Sum(d => d.Quantity);
                drains++;
            }

            return (units, drains);
        });
        // Each thread records at least PerThread calls, and goes on (up to a deadline) until a counter has retired: on a
        // loaded machine the recorders could otherwise finish before the drainer ran at all.
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        var recorders = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            long recorded = 0;
            for (var i = 0; i < PerThread || (aggregator.RetiredCount == 0 && TimeProvider.System.GetUtcNow() < deadline); i++)
            {
                aggregator.Record($"user-{t}-{i % 50}", "api_calls");
                recorded++;
                if (i % 10 == 0)
                {
                    Thread.Yield();
                }
            }

            return recorded;
        })).ToArray();

        var recordedUnits = (await Task.WhenAll(recorders)).Sum();
        await recording.CancelAsync();
        var (drainedUnits, drainCount) = await drainer;
        drainedUnits += aggregator.Drain().Sum(d => d.Quantity);

        Assert.Equal(recordedUnits, drainedUnits);
        Assert.True(aggregator.RetiredCount > 0, $"no counter retired in {drainCount} drains: the race was not exercised");
    }
}
