using System.Diagnostics;

namespace PolarBilling.Emulator.Load;

/// <summary>The emulator under load: a child process (the standalone program), one in this process, or one already running.</summary>
internal sealed class LoadTarget : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly PolarEmulator? _inProcess;

    private LoadTarget(Uri baseUrl, string token, string description, Process? process = null, PolarEmulator? inProcess = null)
    {
        BaseUrl = baseUrl;
        Token = token;
        Description = description;
        _process = process;
        _inProcess = inProcess;
    }

    public Uri BaseUrl { get; }

    public string Token { get; }

    /// <summary>How the emulator was started, for the report.</summary>
    public string Description { get; }

    public static async Task<LoadTarget> StartAsync(LoadOptions options)
    {
        if (options.Target == "in-process")
        {
            var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { RateLimitPerMinute = 0 });
            return new LoadTarget(emulator.BaseUrl, emulator.AccessToken, "in-process (PolarEmulator.StartAsync, rate limit off)", inProcess: emulator);
        }

        if (options.Target != "process")
        {
            return new LoadTarget(new Uri(options.Target.TrimEnd('/') + "/"), options.Token ?? throw new ArgumentException("--token is required with --target URL."), $"already running at {options.Target}");
        }

        // The standalone program itself (its dll is copied beside this one by the project reference).
        var emulatorDll = typeof(PolarEmulator).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { emulatorDll, "--urls", "http://127.0.0.1:0", "--rate-limit", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator process.");
        Uri? baseUrl = null;
        string? token = null;
        while ((baseUrl is null || token is null) && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("Polar emulator listening on ", StringComparison.Ordinal))
            {
                baseUrl = new Uri(line["Polar emulator listening on ".Length..].Trim());
            }
            else if (line.TrimStart().StartsWith("Access token:", StringComparison.Ordinal))
            {
                token = line.Split(':', 2)[1].Trim().Split(' ')[0];
            }
        }

        if (baseUrl is null || token is null)
        {
            process.Kill();
            throw new InvalidOperationException("The emulator process exited before printing its banner.");
        }

        return new LoadTarget(baseUrl, token, $"separate process: dotnet {Path.GetFileName(emulatorDll)} --urls http://127.0.0.1:0 --rate-limit 0 (Release, pid {process.Id})", process);
    }

    public async ValueTask DisposeAsync()
    {
        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync();
        }

        if (_process is not null)
        {
            // The standalone emulator stops on Ctrl+C; a load run has no console to send it, so end the child we started.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
