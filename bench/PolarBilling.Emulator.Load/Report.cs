using System.Globalization;
using System.Runtime.InteropServices;

namespace PolarBilling.Emulator.Load;

/// <summary>The printed results: the machine, then one line per scenario.</summary>
internal static class Report
{
    public static string Header(LoadOptions options, LoadTarget target) => string.Join(Environment.NewLine,
        $"Machine: {Environment.ProcessorCount} logical cores, {CpuModel()}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
        $"Emulator: {target.Description}",
        $"Load: {options.Connections} keep-alive connections, closed loop; every scenario warmed {options.Warmup.TotalSeconds:0} s first, then each warmed {options.Warmup.TotalSeconds:0} s again and measured {options.Duration.TotalSeconds:0} s",
        string.Empty,
        $"{"scenario",-30} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"requests",10} {"errors",7}");

    public static string Line(ScenarioResult result) => string.Format(
        CultureInfo.InvariantCulture,
        "{0,-30} {1,10:N0} {2,8:0.00} {3,8:0.00} {4,8:0.00} {5,10:N0} {6,7}",
        result.Name,
        result.RequestsPerSecond,
        result.Percentile(50),
        result.Percentile(99),
        result.Percentile(100),
        result.Requests,
        result.Errors);

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var line = File.Exists(CpuInfo) ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
