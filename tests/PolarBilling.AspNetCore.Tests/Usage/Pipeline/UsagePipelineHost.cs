using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Emulator;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.Plans;
using PolarBilling.Store;
using PolarBilling.Usage;
using PolarBilling.Usage.Flushing;
using PolarBilling.Usage.Provisioning;
using PolarBilling.Usage.Sync;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage.Pipeline;

/// <summary>
/// One app instance of a usage test, on an emulator and a database that outlive it, so a test can stop it (as a crash
/// or a deploy would) and start another on the same state. The <c>api</c> plan is provisioned on the emulator with
/// <see cref="MeteredPlanProvisioner"/>; the sync worker is left out (tests sync on demand) unless asked for.
/// </summary>
internal sealed class UsagePipelineHost : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private UsagePipelineHost(WebApplication app, Uri baseAddress, PolarEmulator emulator)
    {
        App = app;
        BaseAddress = baseAddress;
        Emulator = emulator;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public PolarEmulator Emulator { get; }

    public IUsageMeter Meter => App.Services.GetRequiredService<IUsageMeter>();

    public UsageFlusher Flusher => App.Services.GetRequiredService<UsageFlusher>();

    public UsageSynchronizer Synchronizer => App.Services.GetRequiredService<UsageSynchronizer>();

    public IUsageSync Sync => App.Services.GetRequiredService<IUsageSync>();

    public IUsageStore Store => App.Services.GetRequiredService<IUsageStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts an app at <paramref name="baseAddress"/> whose webhook secret is <paramref name="webhookSecret"/>.</summary>
    public static async Task<UsagePipelineHost> StartAsync(
        PolarEmulator emulator, Uri baseAddress, string webhookSecret, string productId, string? postgreSql, string? sqlitePath,
        Action<UsageOptions>? usage = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseAddress.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders().AddProvider(new CapturedLogs()).SetMinimumLevel(LogLevel.Information);
        builder.Configuration["Polar:AccessToken"] = emulator.AccessToken;
        builder.Configuration["Polar:Server"] = emulator.BaseUrl.ToString();
        builder.Configuration["Polar:MaxRetries"] = "0";
        builder.Configuration["Polar:WebhookSecret"] = webhookSecret;
        builder.Services.AddSingleton<TimeProvider>(new EmulatorTimeProvider(emulator));
        builder.Services.AddAuthentication(TestAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        var billing = builder.Services.AddPolarBilling(o =>
        {
            var api = ApiPlan();
            api.ProductId = productId;
            o.Plans["api"] = api;
            usage?.Invoke(o.Usage);
        });
        if (postgreSql is not null)
        {
            billing.UsePostgreSql(postgreSql, s => s.MigrateOnStartup());
        }
        else
        {
            billing.UseSqlite($"Data Source={sqlitePath};Default Timeout=30", s => s.MigrateOnStartup());
        }

        builder.Services.Configure<WebhookDispatcherOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(50));
        builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "UsageSyncWorker"));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPolarBilling();
        await app.StartAsync(Ct);
        return new UsagePipelineHost(app, baseAddress, emulator);
    }

    /// <summary>The sample's metered plan: $49/month including 10,000 calls, then $0.01 per call.</summary>
    public static BillingPlanOptions ApiPlan()
    {
        var plan = new BillingPlanOptions { Name = "API", Price = 4900 };
        plan.Meters["api_calls"] = new MeteredComponentOptions { Name = "API calls", Unit = "calls", Included = 10_000, UnitPrice = 1m };
        return plan;
    }

    public HttpClient ClientFor(string userId)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(TestAuthentication.SchemeName, userId);
        _clients.Add(client);
        return client;
    }

    /// <summary>Subscribes the user to <c>api</c> through the checkout endpoint and the emulator's hosted checkout, and waits for the projection.</summary>
    public async Task<BillingSubscription> SubscribeAsync(string userId)
    {
        using (var response = await ClientFor(userId).PostAsJsonAsync("/api/billing/checkout", new { plan = "api" }, Ct))
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, text);
            using var json = JsonDocument.Parse(text);
            using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
            using var body = new StringContent("""{"card":"4242424242424242"}""", Encoding.UTF8, "application/json");
            using var paid = await http.PostAsync($"/emulator/checkouts/{json.RootElement.GetProperty("checkoutId").GetString()}/complete", body, Ct);
            Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(Ct));
        }

        return await Eventually.GetAsync(async () =>
        {
            var store = App.Services.GetRequiredService<IBillingReadStore>();
            return await store.FindCustomerByUserIdAsync(userId, Ct) is { } customer
                && await store.ListSubscriptionsAsync(customer.Id, ["active"], Ct) is { Count: > 0 } running
                ? running[0]
                : null;
        }, $"{userId}'s api subscription to be projected");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
    }
}
