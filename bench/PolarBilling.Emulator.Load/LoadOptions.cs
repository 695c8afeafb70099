using System.Globalization;

namespace PolarBilling.Emulator.Load;

/// <summary>The load generator's command line.</summary>
internal sealed class LoadOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/PolarBilling.Emulator.Load -- [options]
          --target process|in-process|URL   process (default): start the standalone emulator as a child process;
                                            in-process: run it inside this process; URL: an emulator already running
                                            (started with --rate-limit 0), with --token its token.
          --token polar_oat_...             The token of an already running emulator (with --target URL).
          --connections N                   Concurrent keep-alive connections (default 32).
          --duration S                      Measured seconds per scenario (default 10).
          --warmup S                        Unmeasured seconds before each scenario (default 3).
        """;

    public string Target { get; private set; } = "process";

    public string? Token { get; private set; }

    public int Connections { get; private set; } = 32;

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(3);

    /// <summary>The options, or <see langword="null"/> when an argument is unknown or malformed.</summary>
    public static LoadOptions? Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--target" when value is not null:
                    options.Target = value;
                    break;
                case "--token" when value is not null:
                    options.Token = value;
                    break;
                case "--connections" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    options.Connections = n;
                    break;
                case "--duration" when double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s > 0:
                    options.Duration = TimeSpan.FromSeconds(s);
                    break;
                case "--warmup" when double.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0:
                    options.Warmup = TimeSpan.FromSeconds(w);
                    break;
                default:
                    return null;
            }

            i++;
        }

        return options;
    }
}
