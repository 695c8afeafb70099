using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.Usage.Flushing;
using PolarBilling.Webhooks.Bench;

namespace PolarBilling.Usage.Bench;

/// <summary>
/// A flush of 1,000,000 recorded calls into PostgreSQL (a throwaway cluster with the durability defaults on), for
/// several spreads over users and meters. Each spread is recorded and flushed twice: the first flush inserts the
/// windows, the second adds to the same open windows. The flush worker is taken out, so only the timed flush writes;
/// the stored total is checked against what was recorded.
/// </summary>
internal static class FlushBench
{
    // 100,000 × 1 (--large) took 7 minutes on the loaded 2-core machine: one database round trip per window row.
    private static readonly (int Users, int Meters)[] Spreads = [(1, 1), (1_000, 2), (10_000, 1)];
    private static readonly (int Users, int Meters)[] LargeSpreads = [.. Spreads, (100_000, 1)];

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var calls = MiddlewareBench.Option(options, "calls", 1_000_000);
        Console.WriteLine(Machine.Describe());
        await using var postgres = await PostgresServer.StartAsync();
        Console.WriteLine("PostgreSQL: " + await postgres.SettingsAsync());

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(BenchSettings.Polar());
        builder.Configuration["Polar:Usage:FlushInterval"] = "00:05:00";
        builder.Services.AddPolarBilling().UsePostgreSql(postgres.ConnectionString, store => store.MigrateOnStartup());
        foreach (var worker in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name.Contains("Usage", StringComparison.Ordinal) == true).ToList())
        {
            builder.Services.Remove(worker);
        }

        using var host = builder.Build();
        await host.StartAsync();
        var meter = host.Services.GetRequiredService<IUsageMeter>();
        var flusher = host.Services.GetRequiredService<UsageFlusher>();
        string[] meterKeys = ["api_calls", "tokens"];

        Console.WriteLine();
        Console.WriteLine($"| users × meters | rows | record {calls:N0} calls (1 thread) | first flush (insert) | second flush (add to open windows) | stored |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var ok = true;
        foreach (var (users, meters) in options.ContainsKey("large") ? LargeSpreads : Spreads)
        {
            var ids = Enumerable.Range(0, users).Select(i => $"s{users}x{meters}-user-{i}").ToArray();
            var timings = new List<(TimeSpan Record, TimeSpan Flush, long Units)>();
            for (var pass = 0; pass < 2; pass++)
            {
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < calls; i++)
                {
                    meter.Record(ids[i % users], meterKeys[i / users % meters]);
                }

                var recorded = Stopwatch.GetElapsedTime(started);
                started = Stopwatch.GetTimestamp();
                var units = await flusher.FlushAsync(CancellationToken.None);
                timings.Add((recorded, Stopwatch.GetElapsedTime(started), units));
            }

            var stored = await StoredAsync(host.Services, ids, meterKeys);
            var expected = 2L * calls;
            ok &= stored == expected && timings.All(t => t.Units == calls);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {users:N0} × {meters} | {Math.Min((long)users * meters, calls):N0} | {Ms(timings[0].Record)} | {Ms(timings[0].Flush)} | {Ms(timings[1].Flush)} | {stored:N0} of {expected:N0} |"));
        }

        await host.StopAsync();
        return ok ? 0 : 1;
    }

    private static string Ms(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static async Task<long> StoredAsync(IServiceProvider services, string[] users, string[] meters)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IUsageStore>();
        long total = 0;
        foreach (var user in users)
        {
            var sums = await store.SumByMeterAsync(user, month, CancellationToken.None);
            total += meters.Sum(m => sums.GetValueOrDefault(m));
        }

        return total;
    }
}
