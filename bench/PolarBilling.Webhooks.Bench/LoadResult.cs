using System.Diagnostics;
using System.Globalization;

namespace PolarBilling.Webhooks.Bench;

/// <summary>What one receiver did in the measured window (latencies in <see cref="Stopwatch"/> ticks, sorted).</summary>
internal sealed record LoadResult(string Receiver, int Connections, int Requests, int Errors, long Acknowledged, double Seconds, long[] Latencies)
{
    public double PerSecond => Requests / Seconds;

    public string Percentile(double p)
    {
        if (Latencies.Length == 0)
        {
            return "n/a";
        }

        var index = Math.Min(Latencies.Length - 1, (int)Math.Ceiling(p / 100 * Latencies.Length) - 1);
        return (Latencies[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency).ToString("0.00", CultureInfo.InvariantCulture) + " ms";
    }
}
