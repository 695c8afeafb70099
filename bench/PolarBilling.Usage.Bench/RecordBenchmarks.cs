using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Usage;

namespace PolarBilling.Usage.Bench;

/// <summary>
/// <see cref="IUsageMeter.Record"/> for a (user, meter) pair that already has a counter, as the app's container
/// hands it out: on one thread, and on two threads at once, on the same pair (one contended counter) and on two pairs.
/// Nothing drains the counters during the run, which changes nothing for Record: a flush only swaps a counter to 0.
/// </summary>
[MemoryDiagnoser]
public class RecordBenchmarks
{
    private const int CallsPerThread = 1_000_000;
    private ServiceProvider _services = null!;
    private IUsageMeter _meter = null!;

    /// <summary>Builds the container and gives both users a counter.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _services = BenchServices.Build();
        _meter = _services.GetRequiredService<IUsageMeter>();
        _meter.Record("user-00001", "api_calls");
        _meter.Record("user-00002", "api_calls");
    }

    /// <summary>Disposes the container.</summary>
    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>One call on one thread.</summary>
    [Benchmark(Baseline = true, Description = "Record, one thread")]
    public void OneThread() => _meter.Record("user-00001", "api_calls", 1);

    /// <summary>Two threads recording the same pair: every call contends on one counter.</summary>
    [Benchmark(OperationsPerInvoke = 2 * CallsPerThread, Description = "Record, 2 threads, same user and meter")]
    public void TwoThreadsSamePair() => Parallel.For(0, 2, _ => Loop("user-00001"));

    /// <summary>Two threads, each recording its own pair.</summary>
    [Benchmark(OperationsPerInvoke = 2 * CallsPerThread, Description = "Record, 2 threads, different users")]
    public void TwoThreadsTwoPairs() => Parallel.For(0, 2, i => Loop(i == 0 ? "user-00001" : "user-00002"));

    private void Loop(string user)
    {
        var meter = _meter;
        for (var i = 0; i < CallsPerThread; i++)
        {
            meter.Record(user, "api_calls", 1);
        }
    }
}
