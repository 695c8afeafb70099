using PolarBilling.Emulator.Load;

// A load generator for the Polar emulator: see docs/benchmarks.md for how to run it and what it measured.
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

await using var target = await LoadTarget.StartAsync(options);
var seed = await Seeder.SeedAsync(target.BaseUrl, target.Token);
Console.WriteLine(Report.Header(options, target));

// Warm every path first, so the first scenario measured does not pay for the emulator's JIT and tiering.
foreach (var scenario in Scenario.All(seed))
{
    await LoadRunner.RunAsync(target.BaseUrl, target.Token, scenario, options, measure: false);
}

foreach (var scenario in Scenario.All(seed))
{
    var result = await LoadRunner.RunAsync(target.BaseUrl, target.Token, scenario, options);
    Console.WriteLine(Report.Line(result));
}

return 0;
