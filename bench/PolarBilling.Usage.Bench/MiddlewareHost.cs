using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.Webhooks.Bench;

namespace PolarBilling.Usage.Bench;

/// <summary>
/// A minimal Kestrel app on loopback as an app would build it (<c>AddPolarBilling()</c>, SQLite store, authentication,
/// authorization) with <c>GET /plain</c> and <c>GET /metered</c> (the same handler plus <c>.TrackUsage("api_calls")</c>),
/// both requiring a signed-in user. With <c>usageMiddleware: false</c> the usage middleware that
/// <c>AddPolarBilling()</c> puts first in the pipeline is taken out, so that app is the baseline.
/// </summary>
internal sealed class MiddlewareHost : IAsyncDisposable
{
    private readonly string _database;

    private MiddlewareHost(WebApplication app, Uri baseUrl, string database)
    {
        App = app;
        BaseUrl = baseUrl;
        _database = database;
    }

    public WebApplication App { get; }

    public Uri BaseUrl { get; }

    public static async Task<MiddlewareHost> StartAsync(bool usageMiddleware)
    {
        var port = Ports.Free();
        var database = Path.Combine(Path.GetTempPath(), $"usage-bench-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        builder.Configuration.AddInMemoryCollection(BenchSettings.Polar());
        builder.Services.AddAuthentication(BenchAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BenchAuthentication>(BenchAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddPolarBilling().UseSqlite($"Data Source={database}", store => store.MigrateOnStartup());
        if (!usageMiddleware)
        {
            builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "UsageTrackingStartupFilter"));
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/plain", Hello).RequireAuthorization();
        app.MapGet("/metered", Hello).RequireAuthorization().TrackUsage("api_calls");
        await app.StartAsync();
        return new MiddlewareHost(app, new Uri($"http://localhost:{port}/"), database);
    }

    /// <summary>Units of <c>api_calls</c> stored for users <c>user-0</c> … <c>user-{users-1}</c> in the current calendar month.</summary>
    public async Task<long> StoredUnitsAsync(int users)
    {
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        using var scope = App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IUsageStore>();
        long total = 0;
        for (var i = 0; i < users; i++)
        {
            var sums = await store.SumByMeterAsync($"user-{i}", month, CancellationToken.None);
            total += sums.GetValueOrDefault("api_calls");
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static string Hello() => "Hello, world!";
}
