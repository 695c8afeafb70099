using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolarBilling.Client;
using PolarBilling.Emulator;
using PolarBilling.EntityFrameworkCore;

namespace PolarBilling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The whole stack for one test: the Polar emulator in process (frozen clock, no rate limit, fast webhook retries)
/// with the <see cref="TestPlans"/> products, and a real-Kestrel app on 127.0.0.1 built the way an app is
/// (<c>AddPolarBilling()</c> from the <c>Polar</c> configuration section, <c>UseSqlite</c>/<c>UsePostgreSql</c>,
/// <c>MapPolarBilling()</c>) with <see cref="TestAuthentication"/>, an <see cref="EmulatorTimeProvider"/> and every
/// log line captured in <see cref="Logs"/>. The emulator's webhook endpoint points at the app's receiver.
/// Start one per test (<c>await using var app = await BillingTestApp.StartAsync();</c>); it starts in about a second.
/// </summary>
public sealed partial class BillingTestApp : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly List<HttpClient> _clients = [];

    private BillingTestApp(PolarEmulator emulator, PolarClient polar, TestPlans plans, WebApplication app, Uri baseAddress, CapturedLogs logs, string? sqlitePath)
    {
        Emulator = emulator;
        Polar = polar;
        Plans = plans;
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
        _sqlitePath = sqlitePath;
    }

    /// <summary>The emulator (its clock, control routes, state).</summary>
    public PolarEmulator Emulator { get; }

    /// <summary>A client on the emulator with the organization token, for arranging and checking Polar's side.</summary>
    public PolarClient Polar { get; }

    /// <summary>The product ids of the catalog.</summary>
    public TestPlans Plans { get; }

    /// <summary>The running app.</summary>
    public WebApplication App { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>The app's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every log line the app wrote.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The app's access token for the emulator (must never appear in responses or logs).</summary>
    public string AccessToken => Emulator.AccessToken;

    /// <summary>The webhook secret the app verifies with (must never appear in responses or logs).</summary>
    public string WebhookSecret { get; private set; } = string.Empty;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Starts the emulator, creates the products, then starts the app on a free loopback port.</summary>
    public static async Task<BillingTestApp> StartAsync(BillingTestAppOptions? options = null)
    {
        options ??= new BillingTestAppOptions();
        var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { RateLimitPerMinute = 0, WebhookRetryTimeScale = 0.001 }, Ct);
        var clientOptions = emulator.CreateClientOptions();
        clientOptions.MaxRetries = 0;
        var polar = new PolarClient(clientOptions);
        var plans = await TestPlans.CreateAsync(polar, Ct);

        var baseAddress = new Uri($"http://127.0.0.1:{LocalResources.FreePort()}/");
        var secret = options.SubscribeWebhooks ? emulator.AddWebhookEndpoint(new Uri(baseAddress, "api/webhooks/polar").ToString()).Secret : PolarBilling.Client.Webhooks.WebhookSigner.GenerateSecret();
        var sqlitePath = options.PostgreSqlConnectionString is null ? Path.Combine(Path.GetTempPath(), $"polarbilling-aspnet-{Guid.NewGuid():N}.db") : null;
        var logs = new CapturedLogs();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseAddress.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Configuration["Polar:AccessToken"] = emulator.AccessToken;
        builder.Configuration["Polar:Server"] = emulator.BaseUrl.ToString();
        builder.Configuration["Polar:MaxRetries"] = "0";
        builder.Configuration["Polar:WebhookSecret"] = secret;
        builder.Services.AddSingleton<TimeProvider>(new EmulatorTimeProvider(emulator));
        builder.Services.AddAuthentication(TestAuthentication.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        var billing = builder.Services.AddPolarBilling(o =>
        {
            plans.AddTo(o);
            options.Configure?.Invoke(o);
        });
        if (sqlitePath is not null)
        {
            billing.UseSqlite($"Data Source={sqlitePath};Default Timeout=30", s => s.MigrateOnStartup());
        }
        else
        {
            billing.UsePostgreSql(options.PostgreSqlConnectionString!, s => s.MigrateOnStartup());
        }

        builder.Services.Configure<WebhookDispatcherOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(50));
        if (!options.Project)
        {
            builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "BillingDispatchWorker"));
        }

        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapPolarBilling();
        options.ConfigureApp?.Invoke(app);
        await app.StartAsync(Ct);
        return new BillingTestApp(emulator, polar, plans, app, baseAddress, logs, sqlitePath) { WebhookSecret = secret };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
        Polar.Dispose();
        await Emulator.DisposeAsync();
        LocalResources.DeleteSqlite(_sqlitePath);
    }
}
