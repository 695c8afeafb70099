using System.Diagnostics;

namespace PolarBilling.Emulator.Load;

/// <summary>What one scenario measured: throughput, latency percentiles (from every request) and errors.</summary>
internal sealed record ScenarioResult(string Name, int Connections, int Requests, int Errors, double Seconds, long[] SortedLatencyTicks)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double Percentile(double p) => SortedLatencyTicks.Length == 0 ? double.NaN
        : SortedLatencyTicks[Math.Min(SortedLatencyTicks.Length - 1, (int)Math.Ceiling(p / 100 * SortedLatencyTicks.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
