using System.Diagnostics;
using System.Globalization;

namespace PolarBilling.Usage.Bench;

/// <summary>
/// The usage middleware's cost on throughput, in one run: wrk drives <c>GET /plain</c> on an app without the usage
/// middleware (the baseline) and <c>GET /metered</c> (tracked as <c>api_calls</c>, every call recorded) on an
/// otherwise identical app, plus <c>GET /plain</c> on that app (the middleware present, the endpoint untracked).
/// Rounds alternate the order so that a change in the machine's background load hits every target alike; the median
/// round of each is reported. Afterwards the units stored for <c>/metered</c> are compared with wrk's count.
/// </summary>
internal static class MiddlewareBench
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var seconds = Option(options, "seconds", 10);
        var warmup = Option(options, "warmup", 5);
        var rounds = Option(options, "rounds", 3);
        var connections = Option(options, "connections", 64);
        var threads = Option(options, "threads", 2);
        var users = Option(options, "users", 1000);
        Wrk.EnsureInstalled();
        Console.WriteLine(Machine.Describe());

        await using var baseline = await MiddlewareHost.StartAsync(usageMiddleware: false);
        await using var tracked = await MiddlewareHost.StartAsync(usageMiddleware: true);
        var targets = new (string Name, Uri Url)[]
        {
            ("no usage middleware: GET /plain", new Uri(baseline.BaseUrl, "plain")),
            ("usage middleware: GET /metered (tracked)", new Uri(tracked.BaseUrl, "metered")),
            ("usage middleware: GET /plain (untracked)", new Uri(tracked.BaseUrl, "plain")),
        };

        long meteredRequests = 0;
        foreach (var (name, url) in targets)
        {
            var warm = await Wrk.RunAsync(url, connections, threads, TimeSpan.FromSeconds(warmup), users);
            meteredRequests += url.AbsolutePath == "/metered" ? warm.Requests - warm.Errors : 0;
            Console.WriteLine($"warm-up {name}: {warm.RequestsPerSecond:N0} req/s");
        }

        var results = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
        var cpuPerRequest = targets.ToDictionary(t => t.Name, _ => new List<double>());
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0 ? targets : [.. targets.Reverse()];
            foreach (var (name, url) in order)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var result = await Wrk.RunAsync(url, connections, threads, TimeSpan.FromSeconds(seconds), users);
                process.Refresh();
                cpuPerRequest[name].Add((process.TotalProcessorTime - cpu).TotalMicroseconds / Math.Max(1, result.Requests));
                meteredRequests += url.AbsolutePath == "/metered" ? result.Requests - result.Errors : 0;
                results[name].Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1} {name}: {result.RequestsPerSecond:N0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, errors {result.Errors}, app CPU {cpuPerRequest[name][^1]:0.0} µs/request"));
            }
        }

        var stored = await WaitForStoredUnitsAsync(tracked, users, meteredRequests);
        Console.WriteLine();
        Console.WriteLine($"{connections} connections, {threads} wrk threads, {users} users, {rounds} rounds of {seconds} s (median round shown)");
        Console.WriteLine();
        Console.WriteLine("| target | req/s (median) | each round | p50 ms | p99 ms | errors | app CPU µs/request (median) |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var (name, _) in targets)
        {
            var median = results[name].OrderBy(r => r.RequestsPerSecond).ElementAt(results[name].Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median.RequestsPerSecond:N0} | {string.Join(", ", results[name].Select(r => r.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))} | {median.P50Ms:0.00} | {median.P99Ms:0.00} | {results[name].Sum(r => r.Errors)} | {cpuPerRequest[name].Order().ElementAt(cpuPerRequest[name].Count / 2):0.0} |"));
        }

        var ratio = Median(results[targets[1].Name]) / Median(results[targets[0].Name]);
        var untracked = Median(results[targets[2].Name]) / Median(results[targets[0].Name]);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tracked /metered vs no middleware: {ratio:P1} (target >= 95 %)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"untracked /plain with the middleware vs without: {untracked:P1}"));
        Console.WriteLine($"/metered answers counted by wrk (warm-up included): {meteredRequests:N0}; units stored: {stored:N0}");

        // wrk counts the answers it read; the app may also have answered (and recorded) a request per connection that
        // wrk stopped waiting for at the end of each run.
        var runs = targets.Length + rounds;
        var consistent = stored >= meteredRequests && stored - meteredRequests <= (long)connections * runs;
        var clean = results.Values.All(list => list.All(r => r.Errors == 0));
        if (!consistent)
        {
            Console.WriteLine("MISMATCH: the stored units do not match the tracked answers.");
        }

        return consistent && clean ? 0 : 1;
    }

    private static double Median(List<WrkResult> results) => results.OrderBy(r => r.RequestsPerSecond).ElementAt(results.Count / 2).RequestsPerSecond;

    private static async Task<long> WaitForStoredUnitsAsync(MiddlewareHost host, int users, long expectedAtLeast)
    {
        // The flush runs every second: read until the total stops moving and has reached what wrk counted.
        long last = -1;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var stored = await host.StoredUnitsAsync(users);
            if (stored == last && stored >= expectedAtLeast)
            {
                return stored;
            }

            last = stored;
        }

        return last;
    }

    internal static int Option(IReadOnlyDictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
