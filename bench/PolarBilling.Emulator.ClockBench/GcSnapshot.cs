using System.Diagnostics;

namespace PolarBilling.Emulator.ClockBench;

/// <summary>Process CPU, allocation, GC and JIT counters at one moment: steadier than wall time on a shared machine.</summary>
internal readonly record struct GcSnapshot(TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Paused, TimeSpan Jit, long JitMethods)
{
    public static GcSnapshot Take() => new(
        Process.GetCurrentProcess().TotalProcessorTime,
        GC.GetTotalAllocatedBytes(precise: true),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        System.Runtime.JitInfo.GetCompilationTime(),
        System.Runtime.JitInfo.GetCompiledMethodCount());

    public static GcSnapshot operator -(GcSnapshot a, GcSnapshot b) =>
        new(a.Cpu - b.Cpu, a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused, a.Jit - b.Jit, a.JitMethods - b.JitMethods);

    public override string ToString() =>
        $"CPU {Cpu.TotalSeconds:F2} s, allocated {Allocated / (1024.0 * 1024 * 1024):F2} GiB, GCs {Gen0}/{Gen1}/{Gen2} (gen0/1/2), paused {Paused.TotalSeconds:F2} s, JIT {Jit.TotalSeconds:F2} s ({JitMethods} methods)";
}
