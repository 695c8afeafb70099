using Microsoft.EntityFrameworkCore.Storage;
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
        if (context.Database.IsSqlite())
        {
            await AddUsageOnSqliteAsync(context, increments, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var windows = context.Set<UsageWindow>();
        if (context.Database.IsNpgsql())
        {
            // Three round trips whatever the number of pairs: add to open parts, read the last parts of the rest, insert.
            var added = await AddToOpenWindowsAsync(context, increments, now, cancellationToken).ConfigureAwait(false);
            // One new part per window, however many increments it got: two open parts would both take later additions.
            var opening = increments
                .Where(i => !added.Contains((i.UserId, i.Meter, i.WindowStart.UtcTicks)))
                .GroupBy(i => (i.UserId, i.Meter, i.WindowStart.UtcTicks))
                .Select(g => g.First() with { Quantity = g.Sum(i => i.Quantity) })
                .ToList();
            var lastParts = await LastPartsAsync(windows, opening, cancellationToken).ConfigureAwait(false);
            foreach (var increment in opening)
            {
                var key = (increment.UserId, increment.Meter, increment.WindowStart.UtcTicks);
                windows.Add(NewWindow(increment, lastParts.TryGetValue(key, out var last) ? last + 1 : 0, now));
            }
        }
        else
        {
            foreach (var increment in increments)
            {
                // Only the window's last part can be open; a sealed or synced part is never changed (its event was or is being sent).
                var addedToOpen = await windows
                    .Where(w => w.UserId == increment.UserId && w.Meter == increment.Meter && w.WindowStart == increment.WindowStart && w.Status == UsageWindowStatus.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Quantity, w => w.Quantity + increment.Quantity).SetProperty(w => w.UpdatedAt, now), cancellationToken)
                    .ConfigureAwait(false);
                if (addedToOpen == 0)
                {
                    windows.Add(NewWindow(increment, await NextPartAsync(windows, increment, cancellationToken).ConfigureAwait(false), now));
                }
            }
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The highest stored part of each window the increments open (sealed or synced: an open one took the addition).</summary>
    private static async Task<Dictionary<(string UserId, string Meter, long WindowStartTicks), int>> LastPartsAsync(
        DbSet<UsageWindow> windows, List<UsageIncrement> opening, CancellationToken cancellationToken)
    {
        var lastParts = new Dictionary<(string UserId, string Meter, long WindowStartTicks), int>();
        if (opening.Count == 0)
        {
            return lastParts;
        }

        var users = opening.Select(i => i.UserId).Distinct(StringComparer.Ordinal).ToList();
        var starts = opening.Select(i => i.WindowStart).Distinct().ToList();
        var stored = await windows
            .Where(w => users.Contains(w.UserId) && starts.Contains(w.WindowStart))
            .GroupBy(w => new { w.UserId, w.Meter, w.WindowStart })
            .Select(g => new { g.Key.UserId, g.Key.Meter, g.Key.WindowStart, Part = g.Max(w => w.Part) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in stored)
        {
            lastParts[(row.UserId, row.Meter, row.WindowStart.UtcTicks)] = row.Part;
        }

        return lastParts;
    }

    /// <summary>The part a new row of the increment's window gets: one after the highest stored part, else 0.</summary>
    private static async Task<int> NextPartAsync(DbSet<UsageWindow> windows, UsageIncrement increment, CancellationToken cancellationToken)
    {
        var lastPart = await windows
            .Where(w => w.UserId == increment.UserId && w.Meter == increment.Meter && w.WindowStart == increment.WindowStart)
            .Select(w => (int?)w.Part)
            .MaxAsync(cancellationToken).ConfigureAwait(false);
        return lastPart + 1 ?? 0;
    }

    private static UsageWindow NewWindow(UsageIncrement increment, int part, DateTimeOffset now) => new()
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
    };

    /// <summary>
    /// PostgreSQL: adds every increment to its window's open part in one statement (a flush touches thousands of pairs
    /// and almost all of them add to a window opened earlier), returning the keys it added to; the rest open a window or
    /// a new part one by one. The database does the addition (<c>quantity + …</c>), so concurrent flushes of several
    /// instances never overwrite each other, and a sealed part is never changed.
    /// </summary>
    private static async Task<HashSet<(string UserId, string Meter, long WindowStartTicks)>> AddToOpenWindowsAsync(
        DbContext context, IReadOnlyList<UsageIncrement> increments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One row per key: UPDATE … FROM would apply only one of two rows for the same window.
        var merged = increments
            .GroupBy(i => (i.UserId, i.Meter, i.WindowStart.UtcTicks))
            .Select(g => (g.Key, Quantity: g.Sum(i => i.Quantity), g.First().WindowStart))
            .ToList();
        var connection = context.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            $"UPDATE {BillingTables.UsageWindows} AS w SET quantity = w.quantity + v.quantity, updated_at = @now "
            + "FROM unnest(@users, @meters, @starts, @quantities) AS v(user_id, meter, window_start, quantity) "
            + "WHERE w.user_id = v.user_id AND w.meter = v.meter AND w.window_start = v.window_start AND w.status = 0 "
            + "RETURNING w.user_id, w.meter, w.window_start";
        command.AddParameter("now", now);
        command.AddParameter("users", merged.Select(m => m.Key.UserId).ToArray());
        command.AddParameter("meters", merged.Select(m => m.Key.Meter).ToArray());
        command.AddParameter("starts", merged.Select(m => m.WindowStart).ToArray());
        command.AddParameter("quantities", merged.Select(m => m.Quantity).ToArray());
        var added = new HashSet<(string UserId, string Meter, long WindowStartTicks)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            added.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2).UtcTicks));
        }

        return added;
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
