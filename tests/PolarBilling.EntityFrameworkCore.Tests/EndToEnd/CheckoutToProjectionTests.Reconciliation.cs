using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Client;
using PolarBilling.Projection;
using PolarBilling.Reconciliation;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.EndToEnd;

public sealed partial class CheckoutToProjectionTests
{
    [Fact]
    public async Task Reconciliation_after_webhooks_were_switched_off_repairs_every_difference()
    {
        await using var app = await BillingApp.StartAsync(_database.ConnectionString, _clock, project: true);
        var endpoint = _polar.AddWebhookEndpoint(app.WebhookUrl);
        app.Secret = endpoint.Secret;
        await CompleteCheckoutAsync("user-1");
        var first = await EventuallyAsync(app.Services, c => c.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Status == "active", Ct));
        await EventuallyAsync(app.Services, c => c.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Paid, Ct));

        await _client.Webhooks.UpdateAsync(endpoint.Id, new WebhookEndpointUpdate { Enabled = false }, cancellationToken: Ct);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _client.Subscriptions.CancelAtPeriodEndAsync(first.Id, cancellationToken: Ct);
        await CompleteCheckoutAsync("user-2");

        var reconciler = new BillingReconciler(_client, app.Services.GetRequiredService<IBillingUnitOfWorkFactory>(), new BillingProjector(_clock));
        var report = await reconciler.SyncAllAsync(Ct);

        Assert.Contains(new ReconciliationChange("subscription", first.Id, false), report.Changes);
        Assert.Equal(["customer", "order", "subscription"], report.Changes.Where(c => c.WasMissing).Select(c => c.Table).Order().ToArray());
        Assert.True((await Query(app.Services, c => c.Subscriptions.SingleAsync(s => s.Id == first.Id, Ct))).CancelAtPeriodEnd);
        var second = await Query(app.Services, c => c.Customers.SingleAsync(x => x.UserId == "user-2", Ct));
        Assert.Equal("active", (await Query(app.Services, c => c.Subscriptions.SingleAsync(s => s.CustomerId == second.Id, Ct))).Status);
        Assert.Equal((2, 2, 2), (report.CustomersRead, report.SubscriptionsRead, report.OrdersRead));

        Assert.Empty((await reconciler.SyncAllAsync(Ct)).Changes);
        var check = await reconciler.CheckWebhookEndpointAsync(app.WebhookUrl, cancellationToken: Ct);
        Assert.Equal((endpoint.Id, false, true), (check.EndpointId, check.WasEnabled, check.Enabled));
    }

    [Fact]
    public async Task Syncing_one_customer_reads_only_that_customer()
    {
        await using var app = await BillingApp.StartAsync(_database.ConnectionString, _clock, project: false);
        await CompleteCheckoutAsync("user-3");
        await CompleteCheckoutAsync("user-4");
        var customer = await _client.Customers.GetByExternalIdAsync("user-3", cancellationToken: Ct);

        var reconciler = new BillingReconciler(_client, app.Services.GetRequiredService<IBillingUnitOfWorkFactory>(), new BillingProjector(_clock));
        var report = await reconciler.SyncCustomerAsync(customer.Id, Ct);

        Assert.Equal((1, 1, 1), (report.CustomersRead, report.SubscriptionsRead, report.OrdersRead));
        Assert.Equal(3, report.Changes.Count);
        Assert.Equal("user-3", Assert.Single(await Query(app.Services, c => c.Customers.ToListAsync(Ct))).UserId);
    }
}
