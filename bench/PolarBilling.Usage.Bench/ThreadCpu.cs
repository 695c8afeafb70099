using System.Runtime.InteropServices;

namespace PolarBilling.Usage.Bench;

/// <summary>The CPU time the calling thread has used (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>; zero elsewhere).</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromTicks((time.Seconds * 1_000_000_000 + time.Nanoseconds) / 100);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
