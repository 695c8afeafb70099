// Usage billing benchmarks (docs/benchmarks.md, "Usage billing"), from the repository root, in Release:
//   dotnet run -c Release --project bench/PolarBilling.Usage.Bench -- record --filter '*' --job short
//   dotnet run -c Release --project bench/PolarBilling.Usage.Bench -- middleware --seconds 10 --rounds 3
//   dotnet run -c Release --project bench/PolarBilling.Usage.Bench -- flush
//   dotnet run -c Release --project bench/PolarBilling.Usage.Bench -- sqlite-flush
// record: BenchmarkDotNet (the remaining arguments go to it). middleware: needs wrk (apt-get install -y wrk).
// flush: needs PostgreSQL's server binaries (/usr/lib/postgresql/*/bin; run as root it starts them as postgres).
using BenchmarkDotNet.Running;
using PolarBilling.Usage.Bench;

var mode = args.FirstOrDefault();
var rest = args.Skip(1).ToArray();
return mode switch
{
    "record" => Record(rest),
    "middleware" => await MiddlewareBench.RunAsync(Options(rest)),
    "flush" => await FlushBench.RunAsync(Options(rest)),
    "sqlite-flush" => await SqliteFlushBench.RunAsync(Options(rest)),
    _ => Usage(),
};

static int Record(string[] args)
{
    var summaries = BenchmarkSwitcher.FromTypes([typeof(RecordBenchmarks)]).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = args[i + 1];
    }

    return options;
}

static int Usage()
{
    Console.Error.WriteLine("usage: PolarBilling.Usage.Bench record [BenchmarkDotNet options] | middleware [--seconds 10 --warmup 5 --rounds 3 --connections 64 --threads 2 --users 1000] | flush [--calls 1000000] [--large true] | sqlite-flush [--users 1000 --flushes 90 --pause-ms 20]");
    return 2;
}
