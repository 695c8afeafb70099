using System.CommandLine;
using PolarBilling.Cli.Webhooks;

namespace PolarBilling.Cli;

/// <summary>The <c>polar-billing</c> command tree, runnable in-process so tests need no child process.</summary>
internal static class CliApp
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="stdout">Where results and help go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Polar.sh billing for ASP.NET Core: tools for the PolarBilling libraries.");
        var webhooks = new Command("webhooks", "Work with Polar webhook deliveries.");
        webhooks.Subcommands.Add(WebhooksVerifyCommand.Create(stdout, stderr));
        root.Subcommands.Add(webhooks);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            stderr.WriteLine($"Run '{Usage(parsed.CommandResult.Command)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static string Usage(Command command)
    {
        var names = new List<string>();
        for (var current = (Command?)command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return string.Join(' ', ["polar-billing", .. names]);
    }
}
