using Microsoft.EntityFrameworkCore;
using PolarBilling.Usage;
using PolarBilling.Usage.Sync;

namespace PolarBilling.EntityFrameworkCore;

internal sealed partial class EfUsageStore<TContext>
{
    private readonly SemaphoreSlim _localSyncLock = new(1, 1);

    public async Task AddUsageAsync(IReadOnlyList<UsageIncrement> increments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(increments);
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var windows = context.Set<UsageWindow>();
        foreach (var increment in increments)
        {
            // Only the window's last part can be open; a sealed or synced part is never changed (its event was or is being sent).
            var added = await windows
                .Where(w => w.UserId == increment.UserId && w.Meter == increment.Meter && w.WindowStart == increment.WindowStart && w.Status == UsageWindowStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Quantity, w => w.Quantity + increment.Quantity).SetProperty(w => w.UpdatedAt, now), cancellationToken)
                .ConfigureAwait(false);
            if (added > 0)
            {
                continue;
            }

            var lastPart = await windows
                .Where(w => w.UserId == increment.UserId && w.Meter == increment.Meter && w.WindowStart == increment.WindowStart)
                .Select(w => (int?)w.Part)
                .MaxAsync(cancellationToken).ConfigureAwait(false);
            var part = lastPart + 1 ?? 0;
            windows.Add(new UsageWindow
            {
                UserId = increment.UserId,
                Meter = increment.Meter,
                WindowStart = increment.WindowStart,
                WindowEnd = increment.WindowEnd,
                Part = part,
                PeriodStart = increment.PeriodStart,
                PeriodEnd = increment.PeriodEnd,
                Quantity = increment.Quantity,
                Status = UsageWindowStatus.Open,
                ExternalId = UsageEventIds.For(increment.UserId, increment.Meter, increment.WindowStart, part),
                UpdatedAt = now,
            });
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> SealDueAsync(DateTimeOffset windowsEndingBy, DateTimeOffset periodsEndingBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Set<UsageWindow>()
            .Where(w => w.Status == UsageWindowStatus.Open && (w.WindowEnd <= windowsEndingBy || w.PeriodEnd <= periodsEndingBy))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, UsageWindowStatus.Sealed).SetProperty(w => w.SealedAt, now).SetProperty(w => w.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UsageWindow>> ListSealedAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Set<UsageWindow>().AsNoTracking()
            .Where(w => w.Status == UsageWindowStatus.Sealed && w.Id > afterId)
            .OrderBy(w => w.Id)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkSyncedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await context.Set<UsageWindow>()
            .Where(w => ids.Contains(w.Id) && w.Status == UsageWindowStatus.Sealed)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, UsageWindowStatus.Synced).SetProperty(w => w.SyncedAt, now)
                .SetProperty(w => w.LastError, (string?)null).SetProperty(w => w.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task RecordSyncFailureAsync(IReadOnlyCollection<long> ids, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await context.Set<UsageWindow>()
            .Where(w => ids.Contains(w.Id) && w.Status == UsageWindowStatus.Sealed)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.SyncAttempts, w => w.SyncAttempts + 1).SetProperty(w => w.LastError, error)
                .SetProperty(w => w.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> EarliestOpenPeriodEndAsync(CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var earliest = await context.Set<UsageWindow>().AsNoTracking()
            .Where(w => w.Status == UsageWindowStatus.Open)
            .OrderBy(w => w.PeriodEnd)
            .Select(w => new { w.PeriodEnd })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return earliest?.PeriodEnd;
    }

    public async Task<IAsyncDisposable?> TryAcquireSyncLockAsync(CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!context.Database.IsNpgsql())
        {
            await context.DisposeAsync().ConfigureAwait(false);
            return await _localSyncLock.WaitAsync(0, cancellationToken).ConfigureAwait(false) ? new LocalSyncLock(_localSyncLock) : null;
        }

        return await PostgreSqlSyncLock.TryAcquireAsync(context, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _localSyncLock.Dispose();

    private sealed class LocalSyncLock(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
