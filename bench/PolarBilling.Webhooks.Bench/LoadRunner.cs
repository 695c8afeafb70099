using System.Diagnostics;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Webhooks.Bench;

/// <summary>
/// Drives one receiver: N connections each send a delivery as soon as the previous answer is in (a closed loop),
/// first for the warm-up (JIT, tiering, pools; not counted), then for the measured duration.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string receiver, int port, byte[] body, WebhookSigner signer, BenchOptions options)
    {
        var connections = new List<WebhookConnection>();
        for (var i = 0; i < options.Connections; i++)
        {
            connections.Add(await WebhookConnection.OpenAsync(port, body, signer));
        }

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var run = Guid.NewGuid().ToString("N")[..8];
        var workers = connections.Select((c, index) => Task.Run(() => WorkAsync(c, $"{receiver}_{run}_{index}_", measureFrom, measureUntil))).ToList();
        var samples = await Task.WhenAll(workers);
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        var latencies = samples.SelectMany(s => s.Latencies).Order().ToArray();
        return new LoadResult(
            receiver, options.Connections, latencies.Length, samples.Sum(s => s.Errors), samples.Sum(s => s.Successes), options.Duration.TotalSeconds, latencies);
    }

    private static async Task<Sample> WorkAsync(WebhookConnection connection, string idPrefix, long measureFrom, long measureUntil)
    {
        var sample = new Sample();
        for (long n = 0; ; n++)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= measureUntil)
            {
                return sample;
            }

            int status;
            try
            {
                status = await connection.PostAsync(string.Concat(idPrefix, n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            catch (System.Net.Sockets.SocketException)
            {
                status = 0;
            }

            var ok = status is >= 200 and < 300;
            if (ok)
            {
                // Every acknowledged delivery, warm-up included: the inbox must hold exactly this many rows.
                sample.Successes++;
            }

            if (started >= measureFrom)
            {
                sample.Latencies.Add(Stopwatch.GetTimestamp() - started);
                if (!ok)
                {
                    sample.Errors++;
                }
            }
            else if (!ok)
            {
                sample.Errors++;
            }

            if (status == 0)
            {
                return sample;
            }
        }
    }

    private sealed class Sample
    {
        public List<long> Latencies { get; } = new(1 << 16);

        public int Errors { get; set; }

        public long Successes { get; set; }
    }
}
