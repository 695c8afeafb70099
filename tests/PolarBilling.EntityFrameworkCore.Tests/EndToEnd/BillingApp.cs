using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolarBilling.Client.Webhooks;
using PolarBilling.Inbox;

namespace PolarBilling.EntityFrameworkCore.Tests.EndToEnd;

/// <summary>
/// A minimal app on real Kestrel: verifies Polar's webhooks, appends them to the inbox and answers 202; with the
/// background worker it also projects them. Without it, it is an app that "dies" before projecting.
/// </summary>
public sealed class BillingApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BillingApp(WebApplication app) => _app = app;

    public string WebhookUrl => new Uri(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/webhooks/polar").ToString();

    public IServiceProvider Services => _app.Services;

    /// <summary>The webhook secret, set once the emulator endpoint exists.</summary>
    public string? Secret { get; set; }

    public static async Task<BillingApp> StartAsync(string sqliteConnection, TimeProvider clock, bool project)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(clock);
        builder.Services.AddPolarBillingSqlite(sqliteConnection).MigrateOnStartup();
        builder.Services.Configure<WebhookDispatcherOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(50));
        if (!project)
        {
            var worker = builder.Services.Single(d => d.ImplementationType == typeof(BillingDispatchWorker));
            builder.Services.Remove(worker);
        }

        var app = builder.Build();
        var billing = new BillingApp(app);
        app.MapPost("/webhooks/polar", async (HttpRequest request, IWebhookInbox inbox) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();

            // Signed on real time by the emulator, so verified on real time too.
            var verified = new WebhookVerifier(billing.Secret ?? string.Empty, TimeProvider.System).Verify(
                body, request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"]);
            if (!verified.IsValid)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var stored = await inbox.AppendAsync(verified.WebhookId!, body);
            return stored == InboxAppendResult.TooLarge ? Results.StatusCode(StatusCodes.Status413PayloadTooLarge) : Results.Accepted();
        });
        await app.StartAsync();
        return billing;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
