using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.Usage;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage.Pipeline;

/// <summary>
/// Recorded usage reaches Polar exactly: recorded, flushed, synced and compared with the emulator's meter, on
/// PostgreSQL and SQLite, and through crashes between flush and sync and between ingest and marking synced.
/// </summary>
public sealed class UsageSyncToPolarTests(PostgresCluster postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Twenty_five_thousand_calls_of_several_customers_equal_polars_meter_quantities(bool onPostgreSql)
    {
        await using var bed = await UsageTestBed.CreateAsync(onPostgreSql ? await postgres.CreateDatabaseAsync("usage") : null);
        await using var app = await bed.StartAppAsync();
        string[] subscribed = ["alice", "bob", "carol"];
        string[] free = ["dave", "erin"];
        foreach (var user in subscribed)
        {
            await app.SubscribeAsync(user);
        }

        var start = bed.Emulator.Now;
        var expected = await RecordAsync(app, [.. subscribed, .. free], 25_000);
        await app.Flusher.FlushAsync(Ct);
        bed.Emulator.AdvanceClock(TimeSpan.FromHours(1));

        var result = await app.Sync.SyncNowAsync(Ct);

        Assert.True(result.Ran);
        Assert.Equal((0, 0L, false), (result.Failed, result.Duplicates, result.TransientFailure));
        Assert.True(result.Inserted >= expected.Count, $"{result.Inserted} events for {expected.Count} users");
        foreach (var (user, units) in expected)
        {
            Assert.Equal(units, await bed.PolarUnitsAsync(user, start.AddHours(-2), bed.Emulator.Now));
        }

        Assert.Equal(25_000, expected.Values.Sum());
        var again = await app.Sync.SyncNowAsync(Ct);
        Assert.Equal((0, 0L, 0L), (again.Sealed, again.Inserted, again.Duplicates));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Usage_flushed_before_a_crash_is_sent_once_by_the_next_instance(bool onPostgreSql)
    {
        await using var bed = await UsageTestBed.CreateAsync(onPostgreSql ? await postgres.CreateDatabaseAsync("usage") : null);
        var start = bed.Emulator.Now;
        Dictionary<string, long> expected;
        await using (var first = await bed.StartAppAsync())
        {
            expected = await RecordAsync(first, ["alice", "bob"], 3_000);
            await first.Flusher.FlushAsync(Ct);
        }

        bed.Emulator.AdvanceClock(TimeSpan.FromHours(1));
        await using var second = await bed.StartAppAsync();
        var result = await second.Sync.SyncNowAsync(Ct);

        Assert.Equal((0L, 0), (result.Duplicates, result.Failed));
        foreach (var (user, units) in expected)
        {
            Assert.Equal(units, await bed.PolarUnitsAsync(user, start.AddHours(-2), bed.Emulator.Now));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Events_polar_stored_before_the_answer_was_lost_are_deduplicated_when_sent_again(bool onPostgreSql)
    {
        await using var bed = await UsageTestBed.CreateAsync(onPostgreSql ? await postgres.CreateDatabaseAsync("usage") : null);
        var start = bed.Emulator.Now;
        Dictionary<string, long> expected;
        await using (var first = await bed.StartAppAsync())
        {
            expected = await RecordAsync(first, ["alice", "bob", "carol"], 4_000);
            await first.Flusher.FlushAsync(Ct);
            bed.Emulator.AdvanceClock(TimeSpan.FromHours(1));
            // Polar stores the batch, then the connection drops: the app never learns it succeeded.
            await bed.AddFaultAsync("""{"target":"api","route":"POST /v1/events/ingest","action":"drop","after_commit":true,"count":1}""");

            var lost = await first.Sync.SyncNowAsync(Ct);

            Assert.True(lost.TransientFailure);
            Assert.Equal(expected.Count, lost.Failed);
            var windows = await first.Store.ListWindowsAsync("alice", "api_calls", start.AddHours(-2), bed.Emulator.Now, Ct);
            Assert.All(windows, w => Assert.Equal((UsageWindowStatus.Sealed, 1), (w.Status, w.SyncAttempts)));
        }

        await using var second = await bed.StartAppAsync();
        var resent = await second.Sync.SyncNowAsync(Ct);

        Assert.Equal((0L, (long)expected.Count, 0), (resent.Inserted, resent.Duplicates, resent.Failed));
        foreach (var (user, units) in expected)
        {
            Assert.Equal(units, await bed.PolarUnitsAsync(user, start.AddHours(-2), bed.Emulator.Now));
        }

        Assert.All(await second.Store.ListWindowsAsync("alice", null, start.AddHours(-2), bed.Emulator.Now, Ct), w => Assert.Equal(UsageWindowStatus.Synced, w.Status));
    }

    [Fact]
    public async Task A_crash_between_ingest_and_marking_synced_bills_every_unit_once()
    {
        await using var bed = await UsageTestBed.CreateAsync(await postgres.CreateDatabaseAsync("usage"));
        var start = bed.Emulator.Now;
        Dictionary<string, long> expected;
        await using (var first = await bed.StartAppAsync(u => u.SyncBatchSize = 1))
        {
            expected = await RecordAsync(first, ["alice", "bob", "carol"], 900);
            await first.Flusher.FlushAsync(Ct);
            bed.Emulator.AdvanceClock(TimeSpan.FromHours(1));
            // The process dies after Polar answered the second batch, before the database heard of it.
            var batches = 0;
            first.Synchronizer.AfterIngest = (_, _) => ++batches == 2 ? throw new OperationCanceledException("process killed") : Task.CompletedTask;

            await Assert.ThrowsAsync<OperationCanceledException>(() => first.Sync.SyncNowAsync(Ct));
        }

        await using var second = await bed.StartAppAsync();
        var resent = await second.Sync.SyncNowAsync(Ct);

        Assert.Equal((1L, 1L), (resent.Inserted, resent.Duplicates));
        foreach (var (user, units) in expected)
        {
            Assert.Equal(units, await bed.PolarUnitsAsync(user, start.AddHours(-2), bed.Emulator.Now));
        }
    }

    /// <summary>Records <paramref name="calls"/> calls spread over the users from several threads; returns the units per user.</summary>
    internal static async Task<Dictionary<string, long>> RecordAsync(UsagePipelineHost app, string[] users, int calls)
    {
        const int Threads = 4;
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = t; i < calls; i += Threads)
            {
                app.Meter.Record(users[i % users.Length], "api_calls");
            }
        }, Ct)));
        return users.ToDictionary(u => u, u => (long)Enumerable.Range(0, calls).Count(i => users[i % users.Length] == u), StringComparer.Ordinal);
    }
}
