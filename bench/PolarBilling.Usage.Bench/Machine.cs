using System.Runtime.InteropServices;

namespace PolarBilling.Usage.Bench;

/// <summary>One line about the machine and its load, for the results.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        return $"machine: {Environment.ProcessorCount} cores, {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, "
            + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {load}";
    }
}
