using System.Text.Json.Nodes;
using PolarBilling.Emulator.Hosting;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Tests.Control;
using Xunit;

namespace PolarBilling.Emulator.Tests.Hosting;

/// <summary>The standalone emulator (<c>dotnet run --project src/PolarBilling.Emulator -- ...</c>), run in-process.</summary>
public sealed class EmulatorCommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_banner_names_the_base_url_the_token_and_each_webhook_endpoints_secret()
    {
        var token = PolarTokens.Generate(PolarTokens.OrganizationAccessToken);
        var run = Start(out var stdout, out _, out var stop,
            "--urls", "http://127.0.0.1:0", "--token", token,
            "--webhook-url", "http://127.0.0.1:9/hooks/a", "--webhook-url", "http://127.0.0.1:9/hooks/b");

        await stdout.WaitForAsync("Control API", run);
        var lines = stdout.Lines;

        Assert.Matches(@"^Polar emulator listening on http://127\.0\.0\.1:[1-9][0-9]*/$", lines[0]);
        Assert.Contains(lines, l => l.Contains("Base URL:", StringComparison.Ordinal) && l.Contains("http://127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Access token:    {token}", StringComparison.Ordinal));
        var endpoints = lines.Select((line, i) => (line, i)).Where(x => x.line.Contains("Webhook endpoint", StringComparison.Ordinal)).ToList();
        Assert.Equal(["  Webhook endpoint http://127.0.0.1:9/hooks/a", "  Webhook endpoint http://127.0.0.1:9/hooks/b"], endpoints.Select(e => e.line));
        var secrets = endpoints.Select(e => lines[e.i + 1]).ToList();
        Assert.All(secrets, s => Assert.Matches(@"^    secret:\s+whsec_[A-Za-z0-9+/=]+ .*Standard key scheme", s));
        Assert.NotEqual(secrets[0], secrets[1]);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task The_printed_token_is_accepted_and_the_rate_limit_flag_applies()
    {
        var run = Start(out var stdout, out _, out var stop, "--urls", "http://127.0.0.1:0", "--rate-limit", "1");
        var baseUrl = BaseUrlFrom(await stdout.WaitForAsync("listening on", run));
        var token = (await stdout.WaitForAsync("Access token:", run)).Split(':', 2)[1].Trim().Split(' ')[0];

        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var first = await http.GetAsync("/v1/no-such-route", Ct);
        using var second = await http.GetAsync("/v1/no-such-route", Ct);

        Assert.StartsWith("polar_oat_", token, StringComparison.Ordinal);
        Assert.Equal(404, (int)first.StatusCode);
        Assert.Equal(429, (int)second.StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Theory]
    [InlineData("--urls", "not-a-url")]
    [InlineData("--urls", "ftp://127.0.0.1:7300")]
    [InlineData("--token", "sk_live_123")]
    [InlineData("--webhook-key-scheme", "svix")]
    [InlineData("--rate-limit", "-1")]
    [InlineData("--rate-limit", "lots")]
    [InlineData("--webhook-url", "/relative/hook")]
    [InlineData("--state", "/no/such/export.json")]
    [InlineData("--clock", "paused")]
    public async Task A_bad_argument_exits_2_with_a_message_naming_it(string argument, string value)
    {
        var stdout = new ConsoleCapture();
        var stderr = new ConsoleCapture();

        var code = await EmulatorCommandLine.RunAsync(["--urls", "http://127.0.0.1:0", argument, value], stdout, stderr, Ct);

        Assert.Equal(2, code);
        Assert.Contains(argument, stderr.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", stdout.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_flag_exits_2()
    {
        var stderr = new ConsoleCapture();

        var code = await EmulatorCommandLine.RunAsync(["--no-such-flag"], new ConsoleCapture(), stderr, Ct);

        Assert.Equal(2, code);
        Assert.Contains("--no-such-flag", stderr.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_flag_and_exits_0()
    {
        var stdout = new ConsoleCapture();

        var code = await EmulatorCommandLine.RunAsync(["--help"], stdout, new ConsoleCapture(), Ct);

        Assert.Equal(0, code);
        foreach (var flag in new[] { "--urls", "--token", "--webhook-url", "--webhook-key-scheme", "--rate-limit", "--clock", "--state" })
        {
            Assert.Contains(flag, stdout.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task State_loads_an_export_at_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"polar-emulator-state-{Guid.NewGuid():N}.json");
        string customerId;
        await using (var source = await PolarEmulator.StartAsync(cancellationToken: Ct))
        {
            customerId = ControlTestData.AddCustomer(source, "ada@example.com").Id;
            await File.WriteAllBytesAsync(path, source.ExportState(), Ct);
        }

        try
        {
            var run = Start(out var stdout, out _, out var stop, "--urls", "http://127.0.0.1:0", "--state", path);
            var baseUrl = BaseUrlFrom(await stdout.WaitForAsync("listening on", run));
            await stdout.WaitForAsync("Loaded state from", run);

            using var http = new HttpClient { BaseAddress = baseUrl };
            var state = JsonNode.Parse(await http.GetStringAsync("/emulator/state", Ct))!;

            Assert.Equal(customerId, (string?)state["stores"]!["customers"]![0]!["id"]);
            await stop.CancelAsync();
            Assert.Equal(0, await run);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_state_file_that_is_not_an_export_exits_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"polar-emulator-state-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"customers": []}""", Ct);
        try
        {
            var stderr = new ConsoleCapture();

            var code = await EmulatorCommandLine.RunAsync(["--urls", "http://127.0.0.1:0", "--state", path], new ConsoleCapture(), stderr, Ct);

            Assert.Equal(2, code);
            Assert.StartsWith("--state:", stderr.Text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<int> Start(out ConsoleCapture stdout, out ConsoleCapture stderr, out CancellationTokenSource stop, params string[] args)
    {
        stdout = new ConsoleCapture();
        stderr = new ConsoleCapture();
        stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var (output, error, token) = (stdout, stderr, stop.Token);
        return Task.Run(() => EmulatorCommandLine.RunAsync(args, output, error, token), Ct);
    }

    private static Uri BaseUrlFrom(string bannerLine) => new(bannerLine[(bannerLine.IndexOf("http", StringComparison.Ordinal))..].Trim());
}
