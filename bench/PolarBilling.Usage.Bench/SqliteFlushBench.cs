using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.Usage.Flushing;

namespace PolarBilling.Usage.Bench;

/// <summary>
/// The middleware bench's flush on its own: one call for each of 1,000 users recorded, then flushed into a SQLite file,
/// many times over (the first flush opens the windows, the rest add to them, as the one-second flush does). Reports the
/// wall time, the process CPU time and the bytes allocated per flush for early flushes (code not yet tiered up, as in
/// the middleware bench's first minute) and late ones, so a change to the flush shows without wrk's noise.
/// </summary>
internal static class SqliteFlushBench
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var users = MiddlewareBench.Option(options, "users", 1000);
        var flushes = MiddlewareBench.Option(options, "flushes", 90);
        var pause = TimeSpan.FromMilliseconds(MiddlewareBench.Option(options, "pause-ms", 20));
        Console.WriteLine(Machine.Describe());
        var database = Path.Combine(Path.GetTempPath(), $"usage-flush-bench-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(BenchSettings.Polar());
        builder.Configuration["Polar:Usage:FlushInterval"] = "00:05:00";
        builder.Services.AddPolarBilling().UseSqlite($"Data Source={database}", store => store.MigrateOnStartup());
        foreach (var worker in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name.Contains("Usage", StringComparison.Ordinal) == true).ToList())
        {
            builder.Services.Remove(worker);
        }

        try
        {
            using var host = builder.Build();
            await host.StartAsync();
            var meter = host.Services.GetRequiredService<IUsageMeter>();
            var flusher = host.Services.GetRequiredService<UsageFlusher>();
            var ids = Enumerable.Range(0, users).Select(i => $"user-{i}").ToArray();
            var samples = new List<(double WallMs, double CpuMs, double ThreadCpuMs, long Bytes)>();
            using var process = Process.GetCurrentProcess();
            for (var flush = 0; flush < flushes; flush++)
            {
                foreach (var id in ids)
                {
                    meter.Record(id, "api_calls");
                }

                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var threadCpu = ThreadCpu.Now();
                var started = Stopwatch.GetTimestamp();
                // On SQLite every await of the flush completes synchronously, so this thread does all of its work.
                var units = await flusher.FlushAsync(CancellationToken.None);
                var wall = Stopwatch.GetElapsedTime(started);
                var threadCpuMs = (ThreadCpu.Now() - threadCpu).TotalMilliseconds;
                process.Refresh();
                samples.Add((wall.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds, threadCpuMs, GC.GetTotalAllocatedBytes(precise: true) - bytes));
                if (units != users)
                {
                    Console.WriteLine($"flush {flush + 1} wrote {units} units, expected {users}");
                    return 1;
                }

                await Task.Delay(pause);
            }

            await host.StopAsync();
            Console.WriteLine();
            Console.WriteLine($"{users:N0} users, {flushes} flushes into SQLite, {pause.TotalMilliseconds:N0} ms apart (medians)");
            Console.WriteLine();
            Console.WriteLine("| flushes | wall ms | process CPU ms | flushing thread CPU ms | allocated KB |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (from, to) in new[] { (1, 1), (2, 10), (11, 30), (31, 60), (61, flushes) }.Where(r => r.Item1 <= flushes))
            {
                var range = samples.Skip(from - 1).Take(Math.Min(to, flushes) - from + 1).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {from}–{Math.Min(to, flushes)} | {Median(range.Select(s => s.WallMs)):N2} | {Median(range.Select(s => s.CpuMs)):N2} | {Median(range.Select(s => s.ThreadCpuMs)):N2} | {Median(range.Select(s => s.Bytes / 1024.0)):N0} |"));
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
