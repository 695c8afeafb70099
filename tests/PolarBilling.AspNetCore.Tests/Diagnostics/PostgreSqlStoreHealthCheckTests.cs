using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolarBilling.AspNetCore.Diagnostics;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.Inbox;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Diagnostics;

/// <summary>The store's health queries on PostgreSQL (native timestamps, where SQLite stores ticks).</summary>
public sealed class PostgreSqlStoreHealthCheckTests(PostgresCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pending_and_dead_lettered_events_are_counted_and_aged_on_PostgreSQL()
    {
        var connectionString = await cluster.CreateDatabaseAsync("health");
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions
        {
            PostgreSqlConnectionString = connectionString,
            Project = false,
            SubscribeWebhooks = false,
            ConfigureServices = s => s.AddHealthChecks().AddPolarBilling(),
        });
        Assert.All((await app.CheckAsync()).Entries.Values, e => Assert.Equal(HealthStatus.Healthy, e.Status));

        await StoreHealthCheckTests.DeadLetterAsync(app, "msg_pg_dead");
        var inbox = app.Services.GetRequiredService<IWebhookInbox>();
        await inbox.AppendAsync("msg_pg_pending", Encoding.UTF8.GetBytes("""{"type":"customer.created","timestamp":"2026-11-02T09:00:00Z","data":{}}"""), Ct);
        app.AdvanceClock(TimeSpan.FromMinutes(10));

        var report = await app.CheckAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries[PolarBillingHealthChecks.Database].Status);
        var pending = report.Entries[PolarBillingHealthChecks.WebhookInbox];
        Assert.Equal(HealthStatus.Degraded, pending.Status);
        Assert.Equal(1L, pending.Data["pending"]);
        Assert.Equal(600.0, pending.Data["oldest_pending_age_seconds"]);
        var dead = report.Entries[PolarBillingHealthChecks.DeadLetters];
        Assert.Equal(HealthStatus.Degraded, dead.Status);
        Assert.Equal(1L, dead.Data["dead_lettered"]);
        Assert.Equal("msg_pg_dead", dead.Data["latest_webhook_id"]);
        var deadLetteredAt = app.Emulator.Now.AddMinutes(-10);
        Assert.InRange((DateTimeOffset)dead.Data["latest_dead_lettered_at"], deadLetteredAt.AddMilliseconds(-1), deadLetteredAt.AddMilliseconds(1));
    }
}
