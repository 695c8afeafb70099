using Microsoft.EntityFrameworkCore;
using PolarBilling.Notifications;
using PolarBilling.Usage;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// Usage windows and alerts in <c>billing_usage_windows</c> / <c>billing_usage_alerts</c>: the reads of the usage
/// endpoints (<see cref="IUsageStore"/>) and the pipeline's writes (<see cref="IUsageWindowStore"/>, in the other part).
/// </summary>
internal sealed partial class EfUsageStore<TContext>(IDbContextFactory<TContext> factory) : IUsageStore, IUsageWindowStore, IDisposable
    where TContext : DbContext
{
    public async Task<IReadOnlyDictionary<string, long>> SumByMeterAsync(string userId, DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var sums = await context.Set<UsageWindow>()
            .Where(w => w.UserId == userId && w.PeriodStart == periodStart)
            .GroupBy(w => w.Meter)
            .Select(g => new { Meter = g.Key, Quantity = g.Sum(w => w.Quantity) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return sums.ToDictionary(s => s.Meter, s => s.Quantity, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<UsageWindow>> ListWindowsAsync(
        string userId, string? meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = context.Set<UsageWindow>().AsNoTracking().Where(w => w.UserId == userId && w.WindowStart >= from && w.WindowStart < to);
        if (meter is not null)
        {
            query = query.Where(w => w.Meter == meter);
        }

        return await query.OrderBy(w => w.WindowStart).ThenBy(w => w.Meter).ThenBy(w => w.Part).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UsageAlert>> ListAlertsAsync(string userId, DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Set<UsageAlert>().AsNoTracking()
            .Where(a => a.UserId == userId && a.PeriodStart == periodStart)
            .OrderBy(a => a.Meter).ThenBy(a => a.Threshold)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryRecordAlertAsync(UsageAlert alert, BillingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(notification);
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await AlertExistsAsync(context, alert, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        context.Add(alert);
        if (await context.Set<BillingNotification>().FindAsync([notification.Key], cancellationToken).ConfigureAwait(false) is null)
        {
            context.Add(notification);
        }

        try
        {
            // One SaveChanges is one transaction: the alert and its notification are stored together or not at all.
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance fired the same threshold between the check and the insert.
            await using var again = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await AlertExistsAsync(again, alert, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw;
        }
    }

    private static Task<bool> AlertExistsAsync(DbContext context, UsageAlert alert, CancellationToken cancellationToken) =>
        context.Set<UsageAlert>().AnyAsync(
            a => a.UserId == alert.UserId && a.Meter == alert.Meter && a.PeriodStart == alert.PeriodStart && a.Threshold == alert.Threshold,
            cancellationToken);
}
