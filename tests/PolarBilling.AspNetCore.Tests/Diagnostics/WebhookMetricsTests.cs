using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.AspNetCore.Diagnostics;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Diagnostics;
using PolarBilling.Inbox;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Diagnostics;

/// <summary>The dispatcher's <c>polar_billing.webhooks.applied</c> and <c>.failed</c> counters on the app's PolarBilling meter.</summary>
public sealed class WebhookMetricsTests
{
    // Parses (a null currency is not a shape error) but cannot be projected: retried, not dead-lettered at once.
    private const string Unprojectable = """
        {"type":"order.paid","timestamp":"2026-11-02T09:00:00Z","data":{"id":"ord_x","created_at":"2026-11-02T09:00:00Z","modified_at":null,
        "status":"paid","paid":true,"subtotal_amount":1,"discount_amount":0,"net_amount":1,"tax_amount":0,"total_amount":1,"applied_balance_amount":0,
        "due_amount":0,"refunded_amount":0,"refunded_tax_amount":0,"currency":null,"billing_reason":"purchase","customer_id":"cus_x","description":"x",
        "metadata":{},"platform_fee_amount":0,"refundable_amount":0,"refundable_tax_amount":0,"items":[],"is_invoice_generated":false}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddPolarBilling_registers_the_metrics_on_the_hosts_meter_factory()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { Project = false });

        var metrics = app.Services.GetRequiredService<PolarBillingMetrics>();

        Assert.Same(metrics, app.Services.GetRequiredService<PolarBillingMetrics>());
        using var recorder = new MeterRecorder(app.Services.GetRequiredService<IMeterFactory>());
        metrics.CheckoutCreated("pro");
        Assert.Single(recorder.Of("polar_billing.checkouts.created"));
    }

    [Fact]
    public async Task Projected_events_are_counted_by_type_after_their_commit()
    {
        await using var app = await BillingTestApp.StartAsync();
        using var recorder = new MeterRecorder(app.Services.GetRequiredService<IMeterFactory>());

        await app.SubscribeAsync("metrics-user", "course");

        await WaitUntilAsync(() => recorder.Of("polar_billing.webhooks.applied").Any(m => Equals(m.Tags["type"], "order.paid")));
        var applied = recorder.Of("polar_billing.webhooks.applied").ToList();
        Assert.All(applied, m =>
        {
            Assert.Equal(1, m.Value);
            Assert.Equal("{event}", m.Unit);
            Assert.Equal(["type"], m.Tags.Keys);
        });
        Assert.Contains(applied, m => Equals(m.Tags["type"], "order.created"));
        Assert.Empty(recorder.Of("polar_billing.webhooks.failed"));
    }

    [Fact]
    public async Task Failed_attempts_are_counted_with_their_type_and_whether_they_were_dead_lettered()
    {
        await using var app = await HealthCheckTestApp.StartAsync(project: false);
        using var recorder = new MeterRecorder(app.Services.GetRequiredService<IMeterFactory>());
        var inbox = app.Services.GetRequiredService<IWebhookInbox>();
        await inbox.AppendAsync("msg_metrics_retry", Encoding.UTF8.GetBytes(Unprojectable), Ct);

        await StoreHealthCheckTests.ProjectAllAsync(app);
        await StoreHealthCheckTests.DeadLetterAsync(app, "msg_metrics_dead");

        var failed = recorder.Of("polar_billing.webhooks.failed").Select(m => (m.Value, Type: m.Tags["type"], DeadLettered: m.Tags["dead_lettered"])).ToList();
        Assert.Equal([(1L, (object?)"order.paid", (object?)false), (1L, "unknown", true)], failed);
        Assert.Empty(recorder.Of("polar_billing.webhooks.applied"));

        // The retried event shows in the inbox check as pending and retrying.
        var inboxHealth = await app.CheckAsync(PolarBillingHealthChecks.WebhookInbox);
        Assert.Equal(1L, inboxHealth.Data["pending"]);
        Assert.Equal(1L, inboxHealth.Data["retrying"]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The measurement did not arrive within 10 s.");
            await Task.Delay(20, Ct);
        }
    }
}
