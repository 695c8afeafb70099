using System.Globalization;
using System.Text.RegularExpressions;
using PolarBilling.Webhooks.Bench;

namespace PolarBilling.Usage.Bench;

/// <summary>
/// Runs wrk (<c>apt-get install -y wrk</c>) against one URL. Each request signs in as one of <c>users</c> users in
/// turn (<c>Authorization: Bench user-N</c>, set by a small Lua script), so the meter sees many (user, meter) pairs.
/// </summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(Uri url, int connections, int threads, TimeSpan duration, int users)
    {
        var script = Path.Combine(Path.GetTempPath(), $"usage-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, $$"""
            local n = 0
            request = function()
              n = n + 1
              return wrk.format(nil, nil, { ["Authorization"] = "Bench user-" .. (n % {{users}}) })
            end
            """);
        try
        {
            using var process = Processes.Start("wrk", null,
                "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                "-d", $"{(int)duration.TotalSeconds}s", "--latency", "-s", script, url.ToString());
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {error}{output}");
            }

            return Parse(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    public static void EnsureInstalled()
    {
        try
        {
            using var process = Processes.Start("wrk", null, "--version");
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("wrk is not installed: run 'apt-get install -y wrk' (Debian/Ubuntu) or 'brew install wrk'.", exception);
        }
    }

    private static WrkResult Parse(string output)
    {
        var rps = double.Parse(Match(RequestsPerSecond(), output), CultureInfo.InvariantCulture);
        var requests = long.Parse(Match(RequestCount(), output), CultureInfo.InvariantCulture);
        var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(rps, requests, errors + socketErrors, Latency(output, "50%"), Latency(output, "99%"));
    }

    private static string Match(Regex regex, string output) =>
        regex.Match(output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("Unexpected wrk output:\n" + output);

    private static double Latency(string output, string percentile)
    {
        var m = Regex.Match(output, @"^\s*" + Regex.Escape(percentile) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!m.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
