using System.Diagnostics;

namespace PolarBilling.Emulator.Load;

/// <summary>
/// Drives one scenario: N connections each send a request as soon as the previous answer is in (a closed loop),
/// first for the warm-up (JIT, tiered compilation, caches; not counted), then for the measured duration (unless
/// <c>measure</c> is false: a warm-up pass only).
/// </summary>
internal static class LoadRunner
{
    public static async Task<ScenarioResult> RunAsync(Uri baseUrl, string token, Scenario scenario, LoadOptions options, bool measure = true)
    {
        var connections = new List<RawHttpConnection>();
        for (var i = 0; i < options.Connections; i++)
        {
            connections.Add(await RawHttpConnection.OpenAsync(baseUrl, token, CancellationToken.None));
        }

        var clock = new Phases(options.Warmup, measure ? options.Duration : TimeSpan.Zero);
        var workers = connections.Select((connection, index) => Task.Run(() => WorkAsync(connection, index, scenario, clock))).ToList();
        var samples = await Task.WhenAll(workers);
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        var latencies = samples.SelectMany(s => s.Latencies).Order().ToArray();
        return new ScenarioResult(scenario.Name, options.Connections, latencies.Length, samples.Sum(s => s.Errors), clock.MeasuredSeconds, latencies);
    }

    private static async Task<(List<long> Latencies, int Errors)> WorkAsync(RawHttpConnection connection, int index, Scenario scenario, Phases clock)
    {
        var latencies = new List<long>(1 << 16);
        var errors = 0;
        for (long n = index; ; n += 1000)
        {
            var started = Stopwatch.GetTimestamp();
            var phase = clock.PhaseAt(started);
            if (phase == Phase.Done)
            {
                return (latencies, errors);
            }

            int status;
            try
            {
                status = await connection.GetAsync(scenario.Path(n), CancellationToken.None);
            }
            catch (IOException)
            {
                status = 0;
            }

            if (phase == Phase.Measured)
            {
                latencies.Add(Stopwatch.GetTimestamp() - started);
                if (status != 200)
                {
                    errors++;
                }
            }

            if (status == 0)
            {
                return (latencies, errors + 1);
            }
        }
    }

    private enum Phase
    {
        Warmup,
        Measured,
        Done,
    }

    /// <summary>When warm-up ends and measuring ends, in <see cref="Stopwatch"/> ticks from the start.</summary>
    private sealed class Phases(TimeSpan warmup, TimeSpan duration)
    {
        private readonly long _measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        private readonly long _measureUntil = Stopwatch.GetTimestamp() + (long)((warmup + duration).TotalSeconds * Stopwatch.Frequency);

        public double MeasuredSeconds => duration.TotalSeconds;

        public Phase PhaseAt(long timestamp) =>
            timestamp < _measureFrom ? Phase.Warmup : timestamp < _measureUntil ? Phase.Measured : Phase.Done;
    }
}
