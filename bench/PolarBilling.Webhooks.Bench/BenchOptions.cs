using System.Globalization;

namespace PolarBilling.Webhooks.Bench;

/// <summary>Command-line options of the benchmark run.</summary>
internal sealed record BenchOptions(int Connections, TimeSpan Warmup, TimeSpan Duration)
{
    public const string Usage =
        "usage: PolarBilling.Webhooks.Bench [--connections 64] [--warmup-seconds 5] [--seconds 20]";

    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions(64, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return null;
            }

            options = args[i] switch
            {
                "--connections" => options with { Connections = value },
                "--warmup-seconds" => options with { Warmup = TimeSpan.FromSeconds(value) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(value) },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}
