using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using PolarBilling.Client;
using PolarBilling.Emulator;

namespace SaasStarter.Billing;

/// <summary>
/// Prints, once the app listens, where to open it and how to pay. In emulator mode also the emulator's base URL and
/// its (local, throwaway) access token; never a real Polar token or webhook secret.
/// </summary>
internal sealed class StartupBanner(IServer server, IServiceProvider services, IOptions<PolarClientOptions> polar) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var app = AppAddress.Find(server);
        var banner = new System.Text.StringBuilder()
            .AppendLine()
            .AppendLine("SaasStarter is running")
            .AppendLine(CultureInfo.InvariantCulture, $"  App:          {app}")
            .AppendLine(CultureInfo.InvariantCulture, $"  Pricing:      {(app is null ? "/pricing" : new Uri(app, "/pricing"))}");
        if (services.GetService<PolarEmulator>() is { } emulator)
        {
            banner.AppendLine("  Polar:        the embedded emulator (no keys set; its state lives in memory until the app stops)")
                .AppendLine(CultureInfo.InvariantCulture, $"  Emulator:     {emulator.BaseUrl}")
                .AppendLine(CultureInfo.InvariantCulture, $"  Access token: {emulator.AccessToken}")
                .AppendLine("  Test card:    4242 4242 4242 4242, any future expiry date, any CVC")
                .AppendLine("                (4000 0000 0000 0002 is declined; 4000 0000 0000 0341 pays now, fails at renewal)");
        }
        else
        {
            banner.AppendLine(CultureInfo.InvariantCulture, $"  Polar:        {polar.Value.Server}");
        }

        Console.Out.WriteLine(banner.ToString());
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
