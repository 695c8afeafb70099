namespace PolarBilling.Webhooks.Bench;

/// <summary>Finds the Node peer (node/server.mjs) and installs its one dependency, @polar-sh/sdk 1.0.1, if needed.</summary>
internal static class NodePeer
{
    public static string FindDirectory()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "node"), Path.Combine(dir.FullName, "bench", "PolarBilling.Webhooks.Bench", "node") })
                {
                    if (File.Exists(Path.Combine(candidate, "server.mjs")))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new InvalidOperationException("bench/PolarBilling.Webhooks.Bench/node/server.mjs was not found: run the benchmark from the repository.");
    }

    public static async Task EnsureInstalledAsync(string directory)
    {
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@polar-sh", "sdk")))
        {
            Console.WriteLine("installing the Node peer's dependencies (npm ci)");
            await Processes.RunAsync("npm", "ci", "--prefix", directory, "--no-audit", "--no-fund");
        }
    }
}
