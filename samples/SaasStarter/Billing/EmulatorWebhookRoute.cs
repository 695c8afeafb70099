using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using PolarBilling;
using PolarBilling.Client;
using PolarBilling.Emulator;

namespace SaasStarter.Billing;

/// <summary>Once the app listens, points the emulator's webhook endpoint at the app's receiver (<c>{RoutePrefix}/webhooks/polar</c>).</summary>
internal sealed class EmulatorWebhookRoute(
    PolarEmulator emulator,
    EmbeddedEmulatorEndpoint endpoint,
    IServer server,
    IOptions<PolarBillingOptions> options) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var app = AppAddress.Find(server) ?? throw new InvalidOperationException("Kestrel reported no address for the emulator to deliver webhooks to.");
        var receiver = new Uri(app, options.Value.RoutePrefix.TrimEnd('/') + "/webhooks/polar");
        using var polar = new PolarClient(emulator.CreateClientOptions());
        await polar.Webhooks.UpdateAsync(endpoint.Id, new WebhookEndpointUpdate { Url = receiver.ToString() }, cancellationToken: cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
