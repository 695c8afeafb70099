using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolarBilling.AspNetCore.Diagnostics;
using PolarBilling.AspNetCore.Tests.Infrastructure;

namespace PolarBilling.AspNetCore.Tests.Diagnostics;

/// <summary>Starts the test app with PolarBilling's health checks registered and mapped at <c>/health</c>.</summary>
internal static class HealthCheckTestApp
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public static Task<BillingTestApp> StartAsync(
        Action<PolarBillingHealthCheckOptions>? configure = null, Action<IServiceCollection>? services = null, bool project = true) =>
        BillingTestApp.StartAsync(new BillingTestAppOptions
        {
            Project = project,
            ConfigureServices = s =>
            {
                s.AddHealthChecks().AddPolarBilling("ready");
                s.Configure<PolarBillingHealthCheckOptions>(o =>
                {
                    o.PolarProbeInterval = TimeSpan.Zero;
                    configure?.Invoke(o);
                });
                services?.Invoke(s);
            },
            ConfigureApp = app => app.MapHealthChecks("/health"),
        });

    public static Task<HealthReport> CheckAsync(this BillingTestApp app) =>
        app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains(PolarBillingHealthChecks.Tag), Ct);

    public static async Task<HealthReportEntry> CheckAsync(this BillingTestApp app, string name) => (await app.CheckAsync()).Entries[name];

    /// <summary>Polls the check until <paramref name="condition"/> holds (10 s of real time at most).</summary>
    public static async Task<HealthReportEntry> WaitForAsync(this BillingTestApp app, string name, Func<HealthReportEntry, bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (true)
        {
            var entry = await app.CheckAsync(name);
            if (condition(entry))
            {
                return entry;
            }

            Xunit.Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"{name} stayed {entry.Status}: {entry.Description}");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>Adds an emulator fault rule (see the testing guide).</summary>
    public static async Task AddFaultAsync(this BillingTestApp app, object rule)
    {
        using var http = new HttpClient { BaseAddress = app.Emulator.BaseUrl };
        using var response = await http.PostAsJsonAsync("/emulator/faults", rule, Ct);
        Xunit.Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Causes a lifecycle moment on the emulator (<c>POST /emulator/trigger</c>).</summary>
    public static async Task TriggerAsync(this BillingTestApp app, object body)
    {
        using var http = new HttpClient { BaseAddress = app.Emulator.BaseUrl };
        using var response = await http.PostAsJsonAsync("/emulator/trigger", body, Ct);
        Xunit.Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
