using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolarBilling.AspNetCore.Diagnostics;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Diagnostics;

/// <summary>The four checks on a healthy app, and <c>polar-billing-polar</c> against a refusing, failing or slow Polar.</summary>
public sealed class PolarHealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_app_reports_every_check_healthy_with_its_numbers_and_tags()
    {
        await using var app = await HealthCheckTestApp.StartAsync();

        var report = await app.CheckAsync();

        Assert.Equal(
            [PolarBillingHealthChecks.Database, PolarBillingHealthChecks.DeadLetters, PolarBillingHealthChecks.Polar, PolarBillingHealthChecks.WebhookInbox],
            report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Entries.Values, e =>
        {
            Assert.Equal(HealthStatus.Healthy, e.Status);
            Assert.Contains("polar-billing", e.Tags);
            Assert.Contains("ready", e.Tags);
        });
        Assert.Equal(0L, report.Entries[PolarBillingHealthChecks.WebhookInbox].Data["pending"]);
        Assert.Equal(1000L, report.Entries[PolarBillingHealthChecks.WebhookInbox].Data["max_pending"]);
        Assert.Equal(0L, report.Entries[PolarBillingHealthChecks.DeadLetters].Data["dead_lettered"]);
        Assert.Equal(app.Emulator.BaseUrl.GetLeftPart(UriPartial.Authority), report.Entries[PolarBillingHealthChecks.Polar].Data["server"]);
        Assert.True(report.Entries[PolarBillingHealthChecks.Database].Data.ContainsKey("duration_ms"));

        using var response = await app.AnonymousClient().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_refused_token_is_unhealthy_and_names_the_setting_never_the_token()
    {
        const string wrongToken = "polar_oat_ThisTokenIsNotKnownToTheEmulatorAtAll0123456";
        await using var app = await HealthCheckTestApp.StartAsync(services: s => s.Configure<PolarClientOptions>(o => o.AccessToken = wrongToken));

        var entry = await app.CheckAsync(PolarBillingHealthChecks.Polar);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(401, entry.Data["status_code"]);
        Assert.Contains("POLAR_ACCESS_TOKEN", entry.Description, StringComparison.Ordinal);
        var everything = entry.Description + string.Join(' ', entry.Data.Values) + entry.Exception;
        Assert.DoesNotContain(wrongToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(app.AccessToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, app.Logs.All, StringComparison.Ordinal);

        using var response = await app.AnonymousClient().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Polar_answering_5xx_is_degraded_with_the_status_and_recovers_when_it_answers_again()
    {
        await using var app = await HealthCheckTestApp.StartAsync();
        await app.AddFaultAsync(new { target = "api", route = "products:list", action = "error", status = 503, count = 1 });

        var failing = await app.CheckAsync(PolarBillingHealthChecks.Polar);
        var recovered = await app.CheckAsync(PolarBillingHealthChecks.Polar);

        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Equal(503, failing.Data["status_code"]);
        Assert.Contains("503", failing.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    [Fact]
    public async Task Polar_slower_than_the_timeout_is_degraded_without_waiting_for_it()
    {
        await using var app = await HealthCheckTestApp.StartAsync(o => o.PolarTimeout = TimeSpan.FromMilliseconds(300));
        await app.AddFaultAsync(new { target = "api", route = "products:list", action = "latency", latency_ms = 5000, count = 1 });

        var started = TimeProvider.System.GetTimestamp();
        var entry = await app.CheckAsync(PolarBillingHealthChecks.Polar);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("did not answer within 0.3 s", entry.Description, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(4), "The check waited for the slow answer.");
    }

    [Fact]
    public async Task Polar_is_called_at_most_once_per_probe_interval()
    {
        await using var app = await HealthCheckTestApp.StartAsync(o => o.PolarProbeInterval = TimeSpan.FromMinutes(10));
        var first = await app.CheckAsync(PolarBillingHealthChecks.Polar);
        await app.AddFaultAsync(new { target = "api", route = "products:list", action = "error", status = 503 });

        var second = await app.CheckAsync(PolarBillingHealthChecks.Polar);

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Equal(HealthStatus.Healthy, second.Status);
        using var http = new HttpClient { BaseAddress = app.Emulator.BaseUrl };
        var faults = await http.GetStringAsync("/emulator/faults", Ct);
        Assert.Contains("\"matched\":0", faults.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
