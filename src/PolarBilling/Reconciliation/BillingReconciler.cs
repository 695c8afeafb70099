using PolarBilling.Client;
using PolarBilling.Projection;
using PolarBilling.Store;

namespace PolarBilling.Reconciliation;

/// <summary>
/// Heals drift between Polar and the projection: reads customers, subscriptions and orders from Polar's API (100 per
/// page; the client backs off on 429 and retries reads) and applies them through the projector, which writes only rows
/// that are missing or older than Polar's data. API data records no event notifications (only plan-change and
/// recovery transitions, which are facts about the stored state).
/// </summary>
public sealed partial class BillingReconciler(PolarClient client, IBillingUnitOfWorkFactory store, BillingProjector projector)
{
    private const int PageSize = 100;

    /// <summary>Syncs one customer with their subscriptions and orders.</summary>
    /// <param name="customerId">The Polar customer id.</param>
    /// <param name="cancellationToken">Cancels the sync; what was committed stays.</param>
    /// <returns>What was read and repaired.</returns>
    /// <exception cref="PolarException">Polar could not be read (e.g. the customer does not exist).</exception>
    public async Task<ReconciliationReport> SyncCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var report = new ReconciliationReport();
        var customer = await client.Customers.GetAsync(customerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        await ApplyAsync(report, [customer], cancellationToken).ConfigureAwait(false);
        await ApplyAsync(report, client.Subscriptions.ListAutoPagingAsync(new SubscriptionListOptions { CustomerId = [customerId], Limit = PageSize }, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        await ApplyAsync(report, client.Orders.ListAutoPagingAsync(new OrderListOptions { CustomerId = [customerId], Limit = PageSize }, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Syncs every customer, subscription and order of the organization, a page per transaction.</summary>
    /// <param name="cancellationToken">Cancels the sync; pages already committed stay.</param>
    /// <returns>What was read and repaired.</returns>
    /// <exception cref="PolarException">Polar could not be read.</exception>
    public async Task<ReconciliationReport> SyncAllAsync(CancellationToken cancellationToken = default)
    {
        var report = new ReconciliationReport();
        await ApplyAsync(report, client.Customers.ListAutoPagingAsync(new CustomerListOptions { Limit = PageSize }, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        await ApplyAsync(report, client.Subscriptions.ListAutoPagingAsync(new SubscriptionListOptions { Limit = PageSize }, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        await ApplyAsync(report, client.Orders.ListAutoPagingAsync(new OrderListOptions { Limit = PageSize }, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task ApplyAsync<T>(ReconciliationReport report, IEnumerable<T> items, CancellationToken ct)
        where T : class
    {
        await using var unit = await store.BeginAsync(ct).ConfigureAwait(false);
        foreach (var item in items)
        {
            await ApplyOneAsync(report, unit, item, ct).ConfigureAwait(false);
        }

        await unit.CommitAsync(ct).ConfigureAwait(false);
    }

    private async Task ApplyAsync<T>(ReconciliationReport report, IAsyncEnumerable<T> items, CancellationToken ct)
        where T : class
    {
        var page = new List<T>(PageSize);
        await foreach (var item in items.WithCancellation(ct).ConfigureAwait(false))
        {
            page.Add(item);
            if (page.Count == PageSize)
            {
                await ApplyAsync(report, page, ct).ConfigureAwait(false);
                page.Clear();
            }
        }

        if (page.Count > 0)
        {
            await ApplyAsync(report, page, ct).ConfigureAwait(false);
        }
    }

    private async Task ApplyOneAsync<T>(ReconciliationReport report, IBillingUnitOfWork unit, T item, CancellationToken ct)
    {
        switch (item)
        {
            case Customer c:
                report.CustomersRead++;
                await TrackAsync(report, "customer", c.Id, await unit.FindCustomerAsync(c.Id, ct).ConfigureAwait(false),
                    () => projector.ApplyCustomerAsync(c, unit, ct)).ConfigureAwait(false);
                break;
            case Subscription s:
                report.SubscriptionsRead++;
                await TrackAsync(report, "subscription", s.Id, await unit.FindSubscriptionAsync(s.Id, ct).ConfigureAwait(false),
                    () => projector.ApplySubscriptionAsync(s, unit, ct)).ConfigureAwait(false);
                break;
            case Order o:
                report.OrdersRead++;
                await TrackAsync(report, "order", o.Id, await unit.FindOrderAsync(o.Id, ct).ConfigureAwait(false),
                    () => projector.ApplyOrderAsync(o, unit, ct)).ConfigureAwait(false);
                break;
        }
    }

    private static async Task TrackAsync(ReconciliationReport report, string table, string id, BillingRow? row, Func<Task<ProjectionOutcome>> apply)
    {
        // The row is tracked and updated in place: keep its version before applying.
        var before = row?.PolarModifiedAt;
        var outcome = await apply().ConfigureAwait(false);
        if (outcome == ProjectionOutcome.Applied && (row is null || before != row.PolarModifiedAt))
        {
            report.Changes.Add(new ReconciliationChange(table, id, row is null));
        }
    }
}
