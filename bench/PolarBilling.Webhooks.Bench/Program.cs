using PolarBilling.Webhooks.Bench;

// The webhook receive benchmark: see docs/benchmarks.md for what it measures and how to run it.
// "serve <receiver> <port> <secret> [connection string]" is how the benchmark starts each .NET receiver in its own process.
if (args.Length >= 4 && args[0] == "serve")
{
    await ReceiverHost.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3], args.Length > 4 ? args[4] : null);
    return 0;
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

return await BenchRun.RunAsync(options);
