namespace PolarBilling.Cli.Tests;

/// <summary>Runs <c>polar-billing</c> in-process and captures what it prints.</summary>
internal static class Cli
{
    public static CliRun Run(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CliApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>The outcome of one command line.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
