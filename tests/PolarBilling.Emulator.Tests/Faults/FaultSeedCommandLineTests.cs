using System.Text.Json.Nodes;
using PolarBilling.Emulator.Hosting;
using PolarBilling.Emulator.Tests.Hosting;
using Xunit;

namespace PolarBilling.Emulator.Tests.Faults;

/// <summary>The standalone emulator's <c>--fault-seed</c>.</summary>
public sealed class FaultSeedCommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fault_seed_sets_the_seed_of_the_standalone_emulator()
    {
        var stdout = new ConsoleCapture();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var token = stop.Token;
        var run = Task.Run(() => EmulatorCommandLine.RunAsync(["--urls", "http://127.0.0.1:0", "--fault-seed", "99"], stdout, new ConsoleCapture(), token), Ct);
        var listening = await stdout.WaitForAsync("listening on", run);

        using var http = new HttpClient { BaseAddress = new Uri(listening[listening.IndexOf("http", StringComparison.Ordinal)..].Trim()) };
        var faults = JsonNode.Parse(await http.GetStringAsync("/emulator/faults", Ct))!;

        Assert.Equal(99, (long)faults["seed"]!);
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task A_fault_seed_that_is_not_an_integer_exits_2()
    {
        var stderr = new ConsoleCapture();

        var code = await EmulatorCommandLine.RunAsync(["--urls", "http://127.0.0.1:0", "--fault-seed", "lucky"], new ConsoleCapture(), stderr, Ct);

        Assert.Equal(2, code);
        Assert.Contains("--fault-seed", stderr.Text, StringComparison.Ordinal);
    }
}
