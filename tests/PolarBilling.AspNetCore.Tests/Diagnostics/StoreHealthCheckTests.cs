using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolarBilling.AspNetCore.Diagnostics;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.Inbox;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Diagnostics;

/// <summary><c>polar-billing-database</c>, <c>-webhook-inbox</c> and <c>-dead-letters</c> against a real SQLite store.</summary>
public sealed class StoreHealthCheckTests
{
    private const string WebhookEventsTable = "billing_webhook_events";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_billing_tables_make_the_store_checks_unhealthy_and_point_at_migrations()
    {
        await using var app = await HealthCheckTestApp.StartAsync(project: false);
        var factory = app.Services.GetRequiredService<IDbContextFactory<SqliteBillingDbContext>>();
        await using (var context = await factory.CreateDbContextAsync(Ct))
        {
            await context.Database.ExecuteSqlRawAsync("DROP TABLE " + WebhookEventsTable, Ct);
        }

        var report = await app.CheckAsync();

        var database = report.Entries[PolarBillingHealthChecks.Database];
        Assert.Equal(HealthStatus.Unhealthy, database.Status);
        Assert.Contains("migrations", database.Description, StringComparison.Ordinal);
        Assert.Contains(WebhookEventsTable, database.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[PolarBillingHealthChecks.WebhookInbox].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[PolarBillingHealthChecks.DeadLetters].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries[PolarBillingHealthChecks.Polar].Status);
    }

    [Fact]
    public async Task A_backlog_above_the_count_or_the_age_threshold_is_degraded_until_it_is_projected()
    {
        await using var app = await HealthCheckTestApp.StartAsync(o => o.MaxPendingWebhooks = 3, project: false);
        await app.TriggerAsync(new { @event = "customer.created" });
        await app.TriggerAsync(new { @event = "customer.created" });

        // Four events arrive (customer.created and customer.state_changed, twice); nothing projects them.
        var backlog = await app.WaitForAsync(PolarBillingHealthChecks.WebhookInbox, e => (long)e.Data["pending"] >= 4);
        Assert.Equal(HealthStatus.Degraded, backlog.Status);
        Assert.Contains("wait for projection (more than 3)", backlog.Description, StringComparison.Ordinal);
        Assert.Equal(0L, backlog.Data["retrying"]);
        Assert.Equal(0.0, backlog.Data["oldest_pending_age_seconds"]);

        await ProjectAllAsync(app);
        Assert.Equal(HealthStatus.Healthy, (await app.CheckAsync(PolarBillingHealthChecks.WebhookInbox)).Status);

        await app.TriggerAsync(new { @event = "customer.created" });
        await app.WaitForAsync(PolarBillingHealthChecks.WebhookInbox, e => (long)e.Data["pending"] == 2);
        app.AdvanceClock(TimeSpan.FromMinutes(5));
        var young = await app.CheckAsync(PolarBillingHealthChecks.WebhookInbox);
        app.AdvanceClock(TimeSpan.FromSeconds(1));
        var old = await app.CheckAsync(PolarBillingHealthChecks.WebhookInbox);

        Assert.Equal(HealthStatus.Healthy, young.Status);
        Assert.Equal(HealthStatus.Degraded, old.Status);
        Assert.Equal(301.0, old.Data["oldest_pending_age_seconds"]);
        Assert.Contains("received 301 s ago (more than 300 s)", old.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_lettered_event_is_degraded_by_default_with_its_id_error_and_the_replay_hint()
    {
        await using var app = await HealthCheckTestApp.StartAsync(project: false);
        await DeadLetterAsync(app, "msg_health_dead_1");

        var entry = await app.CheckAsync(PolarBillingHealthChecks.DeadLetters);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal(1L, entry.Data["dead_lettered"]);
        Assert.Equal("msg_health_dead_1", entry.Data["latest_webhook_id"]);
        Assert.Contains("WebhookParseException", (string)entry.Data["latest_error"], StringComparison.Ordinal);
        Assert.Contains("IWebhookDispatcher.ReplayAsync(webhookId)", entry.Description, StringComparison.Ordinal);
        Assert.Contains("msg_health_dead_1", entry.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, (await app.CheckAsync(PolarBillingHealthChecks.WebhookInbox)).Status);
    }

    [Fact]
    public async Task Dead_letters_can_be_made_unhealthy_through_the_billing_builder()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions
        {
            Project = false,
            ConfigureServices = s => new PolarBillingBuilder(s).AddHealthChecks(o => o.DeadLetterStatus = HealthStatus.Unhealthy).AddHealthChecks(),
        });
        Assert.Equal(HealthStatus.Healthy, (await app.CheckAsync(PolarBillingHealthChecks.DeadLetters)).Status);

        await DeadLetterAsync(app, "msg_health_dead_2");

        var report = await app.CheckAsync();
        Assert.Equal(4, report.Entries.Count);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[PolarBillingHealthChecks.DeadLetters].Status);
        Assert.Equal(["polar-billing"], report.Entries[PolarBillingHealthChecks.DeadLetters].Tags);
    }

    internal static async Task DeadLetterAsync(BillingTestApp app, string webhookId)
    {
        // A body that is not JSON cannot be parsed: the dispatcher dead-letters it on the first attempt.
        var inbox = app.Services.GetRequiredService<IWebhookInbox>();
        Assert.Equal(InboxAppendResult.Stored, await inbox.AppendAsync(webhookId, Encoding.UTF8.GetBytes("this is not json"), Ct));
        await ProjectAllAsync(app);
    }

    internal static async Task ProjectAllAsync(BillingTestApp app)
    {
        var dispatcher = app.Services.GetRequiredService<IWebhookDispatcher>();
        while (await dispatcher.DispatchPendingAsync(Ct) > 0)
        {
        }
    }
}
