using System.CommandLine;
using System.Globalization;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Hosting;

/// <summary>
/// The standalone emulator's command line:
/// <c>--urls URL --token polar_oat_… --webhook-url URL (repeatable) --webhook-key-scheme standard|legacy
/// --rate-limit N --clock running|frozen --fault-seed N --state FILE</c>. Bad arguments exit 2 with a message naming the argument.
/// </summary>
internal static class EmulatorCommandLine
{
    public const int Usage = 2;

    /// <summary>Runs the emulator until Ctrl+C; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen. Default http://127.0.0.1:7300.", DefaultValueFactory = _ => "http://127.0.0.1:7300" };
        var token = new Option<string?>("--token") { Description = "The organization access token to accept (polar_oat_...). Default: a new random one, printed at start." };
        var webhookUrls = new Option<string[]>("--webhook-url") { Description = "Create a webhook endpoint for every event type at this URL; its secret is printed. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var scheme = new Option<string>("--webhook-key-scheme") { Description = "standard (Polar secrets since 2026-09-08, default) or legacy (UTF-8 of the whole secret).", DefaultValueFactory = _ => "standard" };
        var rateLimit = new Option<int>("--rate-limit") { Description = "Requests per minute before 429 (Polar production: 500). 0 turns it off.", DefaultValueFactory = _ => 500 };
        var clock = new Option<string>("--clock") { Description = "running (default: time flows and renewals, retries and expiries run by themselves) or frozen (time moves only through POST /emulator/clock/advance).", DefaultValueFactory = _ => "running" };
        var faultSeed = new Option<long?>("--fault-seed") { Description = "The seed of every fault decision (/emulator/faults). Default 20261102." };
        var stateFile = new Option<FileInfo?>("--state") { Description = "Load this state export (from GET /emulator/state) at start." };
        var root = new RootCommand("A local Polar.sh API: Polar's paths, payloads and webhooks, in memory.")
        {
            urls, token, webhookUrls, scheme, rateLimit, clock, faultSeed, stateFile,
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return Usage;
        }

        if (parsed.Action is not null && parsed.Action is not System.CommandLine.Invocation.SynchronousCommandLineAction and not System.CommandLine.Invocation.AsynchronousCommandLineAction
            || args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
        }

        var options = new PolarEmulatorOptions
        {
            Urls = parsed.GetValue(urls)!,
            AccessToken = parsed.GetValue(token),
            RateLimitPerMinute = parsed.GetValue(rateLimit),
            Banner = stdout,
        };
        if (parsed.GetValue(faultSeed) is { } seed)
        {
            options.FaultSeed = seed;
        }

        switch (parsed.GetValue(scheme)?.ToLowerInvariant())
        {
            case "standard":
                options.WebhookKeyScheme = WebhookKeyScheme.Standard;
                break;
            case "legacy":
                options.WebhookKeyScheme = WebhookKeyScheme.Legacy;
                break;
            default:
                await stderr.WriteLineAsync($"--webhook-key-scheme must be 'standard' or 'legacy', not '{parsed.GetValue(scheme)}'.").ConfigureAwait(false);
                return Usage;
        }

        switch (parsed.GetValue(clock)?.ToLowerInvariant())
        {
            case "running":
                options.ClockMode = EmulatorClockMode.Running;
                break;
            case "frozen":
                options.ClockMode = EmulatorClockMode.Frozen;
                break;
            default:
                await stderr.WriteLineAsync($"--clock must be 'running' or 'frozen', not '{parsed.GetValue(clock)}'.").ConfigureAwait(false);
                return Usage;
        }

        foreach (var url in parsed.GetValue(webhookUrls) ?? [])
        {
            options.WebhookUrls.Add(url);
        }

        byte[]? state = null;
        if (parsed.GetValue(stateFile) is { } file)
        {
            if (!file.Exists)
            {
                await stderr.WriteLineAsync($"--state: no file at {file.FullName}.").ConfigureAwait(false);
                return Usage;
            }

            state = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync(ToArgument(ex)).ConfigureAwait(false);
            return Usage;
        }

        await using var emulator = await PolarEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        if (state is not null)
        {
            try
            {
                emulator.ImportState(state);
                await stdout.WriteLineAsync($"  Loaded state from {parsed.GetValue(stateFile)!.FullName}").ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException ex)
            {
                await stderr.WriteLineAsync($"--state: {ex.Message}").ConfigureAwait(false);
                return Usage;
            }
        }

        await emulator.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>An options error in the words of the command line (<c>--token</c>, not <c>AccessToken</c>).</summary>
    private static string ToArgument(ArgumentException ex) => ex.ParamName switch
    {
        nameof(PolarEmulatorOptions.Urls) => "--urls: " + ex.Message.Split(" (Parameter", 2)[0],
        nameof(PolarEmulatorOptions.AccessToken) => "--token: " + ex.Message.Split(" (Parameter", 2)[0],
        nameof(PolarEmulatorOptions.RateLimitPerMinute) => "--rate-limit: " + ex.Message.Split(" (Parameter", 2)[0],
        nameof(PolarEmulatorOptions.WebhookUrls) => "--webhook-url: " + ex.Message.Split(" (Parameter", 2)[0],
        _ => ex.Message.ToString(CultureInfo.InvariantCulture),
    };
}
