using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PolarBilling.AspNetCore.Tests.Sample;

/// <summary>
/// The SaasStarter sample itself, run as its own process (<c>dotnet SaasStarter.dll</c>, as <c>dotnet run</c> does) on
/// real Kestrel at a free loopback port, in emulator mode (no Polar keys), with its SQLite files in a temporary
/// folder. Its start-up banner tells the app's and the emulator's addresses.
/// </summary>
internal sealed partial class SaasStarterHost : IAsyncDisposable
{
    private readonly Process _process;

    private SaasStarterHost(Process process, string folder, Uri baseUrl, Uri emulatorUrl)
    {
        _process = process;
        Folder = folder;
        BaseUrl = baseUrl;
        EmulatorUrl = emulatorUrl;
    }

    /// <summary>The app's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The base URL of the emulator the sample started in process.</summary>
    public Uri EmulatorUrl { get; }

    /// <summary>The folder holding the sample's SQLite files.</summary>
    public string Folder { get; }

    /// <summary>samples/SaasStarter in the checkout the tests were built from (recorded at build time).</summary>
    private static string SampleFolder() =>
        typeof(SaasStarterHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "SaasStarterFolder")?.Value
        ?? throw new InvalidOperationException("The test assembly does not record the sample's folder (SaasStarterFolder).");

    public static async Task<SaasStarterHost> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("saasstarter-").FullName;
        var sample = Path.Combine(AppContext.BaseDirectory, "SaasStarter.dll");
        // Its settings come from its own folder: the test output deliberately holds no appsettings.json, so the other
        // tests' apps (built from the test output's content root) never pick up the sample's plans.
        var start = new ProcessStartInfo("dotnet", [sample, "--urls", "http://127.0.0.1:0", "--contentRoot", SampleFolder()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Identity"] = $"Data Source={Path.Combine(folder, "identity.db")}";
        start.Environment["ConnectionStrings__Billing"] = $"Data Source={Path.Combine(folder, "billing.db")}";
        start.Environment["SaasStarter__EmulatorUrls"] = "http://127.0.0.1:0";
        start.Environment.Remove("POLAR_ACCESS_TOKEN");
        start.Environment.Remove("Polar__AccessToken");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        string? app = null, emulator = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (app is null || emulator is null)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("The sample stopped before it printed its addresses: " + await errors);
            app ??= Banner("App", line);
            emulator ??= Banner("Emulator", line);
        }

        // Keep draining its output so the sample never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        return new SaasStarterHost(process, folder, new Uri(app), new Uri(emulator));
    }

    /// <summary>A browser-like client: its own cookies, no automatic redirects.</summary>
    public HttpClient CreateBrowser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = BaseUrl,
        };

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static string? Banner(string name, string line)
    {
        var match = BannerLine().Match(line);
        return match.Success && match.Groups[1].Value == name ? match.Groups[2].Value : null;
    }

    [GeneratedRegex(@"^\s+(App|Emulator):\s+(http\S+)\s*$")]
    private static partial Regex BannerLine();
}
