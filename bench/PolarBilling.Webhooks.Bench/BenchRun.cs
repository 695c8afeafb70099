using System.Diagnostics;
using System.Globalization;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Webhooks.Bench;

/// <summary>
/// One run: PolarBilling (verify + durable PostgreSQL insert), plain Kestrel and the Node SDK peer, one after the
/// other, each in its own process under the same load, then a Markdown report on stdout.
/// </summary>
internal static class BenchRun
{
    private const string InboxRows = "SELECT count(*) FROM billing_webhook_events";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var body = Payload.SubscriptionUpdated();
        var secret = WebhookSigner.GenerateSecret();

        // Legacy: the key scheme of every secret created before 2026-09-08; both verifiers try it first.
        var signer = new WebhookSigner(secret, WebhookKeyScheme.Legacy);
        var nodeDirectory = NodePeer.FindDirectory();
        await NodePeer.EnsureInstalledAsync(nodeDirectory);
        var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
        Console.WriteLine($"load average before: {loadBefore}; body {body.Length} bytes; {options.Connections} connections, "
            + $"{options.Warmup.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s measured per receiver");

        var results = new List<LoadResult>();
        string settings;
        long rows;
        await using (var postgres = await PostgresServer.StartAsync())
        {
            settings = await postgres.SettingsAsync();
            Console.WriteLine($"PostgreSQL: {settings}");
            var polar = await MeasureDotnetAsync("polarbilling", secret, postgres.ConnectionString, body, signer, options);
            rows = await postgres.CountAsync(InboxRows);
            results.Add(polar);
            Console.WriteLine($"inbox rows {rows}, acknowledged {polar.Acknowledged}: {(rows == polar.Acknowledged ? "none lost" : "MISMATCH")}");
        }

        results.Add(await MeasureDotnetAsync("plain-kestrel", secret, null, body, signer, options));
        results.Add(await MeasureNodeAsync(nodeDirectory, secret, body, signer, options));
        var loadAfter = File.ReadAllText("/proc/loadavg").Trim();
        Console.WriteLine($"load average after: {loadAfter}");
        Console.WriteLine();
        Console.WriteLine("| receiver | events/s | p50 | p99 | errors (non-2xx) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Receiver} | {r.PerSecond:N0} | {r.Percentile(50)} | {r.Percentile(99)} | {r.Errors} |"));
        }

        var ok = results.All(r => r.Errors == 0) && rows == results[0].Acknowledged;
        return ok ? 0 : 1;
    }

    private static async Task<LoadResult> MeasureDotnetAsync(
        string receiver, string secret, string? connectionString, byte[] body, WebhookSigner signer, BenchOptions options)
    {
        var port = Ports.Free();
        var self = Environment.ProcessPath!;
        string[] serve = ["serve", receiver == "plain-kestrel" ? "plain" : receiver, port.ToString(CultureInfo.InvariantCulture), secret, .. connectionString is null ? Array.Empty<string>() : [connectionString]];
        string[] arguments = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(BenchRun).Assembly.Location, .. serve] : serve;
        return await MeasureProcessAsync(receiver, Processes.Start(self, null, arguments), port, body, signer, options);
    }

    private static Task<LoadResult> MeasureNodeAsync(string nodeDirectory, string secret, byte[] body, WebhookSigner signer, BenchOptions options)
    {
        var port = Ports.Free();
        return MeasureProcessAsync("node-sdk-peer", Processes.Start("node", nodeDirectory, "server.mjs", port.ToString(CultureInfo.InvariantCulture), secret), port, body, signer, options);
    }

    private static async Task<LoadResult> MeasureProcessAsync(string receiver, Process process, int port, byte[] body, WebhookSigner signer, BenchOptions options)
    {
        using (process)
        {
            try
            {
                await Processes.WaitForPortAsync(port, process);
                var result = await LoadRunner.RunAsync(receiver, port, body, signer, options);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{receiver}: {result.PerSecond:N0}/s, p50 {result.Percentile(50)}, p99 {result.Percentile(99)}, errors {result.Errors}, acknowledged {result.Acknowledged}"));
                return result;
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }
}
