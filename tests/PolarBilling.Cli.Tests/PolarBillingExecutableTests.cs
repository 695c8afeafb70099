using System.Diagnostics;
using PolarBilling.Cli.Tests.Webhooks;
using Xunit;

namespace PolarBilling.Cli.Tests;

/// <summary>The built <c>polar-billing.dll</c>, run as its own process: the exit codes scripts and CI see.</summary>
public sealed class PolarBillingExecutableTests
{
    [Theory]
    [InlineData("1760000000", 0)]
    [InlineData("1760000301", 1)]
    [InlineData("not-a-time", 2)]
    public async Task Process_exit_code_says_valid_invalid_or_bad_usage(string now, int expected)
    {
        var (exitCode, stdout, stderr) = await RunAsync(PolarDelivery.VerifyArgs("--body", PolarDelivery.Body, "--now", now));

        Assert.True(expected == exitCode, $"exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        if (expected == 0)
        {
            Assert.Contains("customer.created", stdout);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(ToolPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    // The referenced tool is copied next to the tests with its runtimeconfig; fall back to its own bin folder.
    private static string ToolPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "polar-billing.dll");
        if (File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PolarBilling.slnx")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, "src", "PolarBilling.Cli", "bin", configuration, "net10.0", "polar-billing.dll");
    }
}
