using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolarBilling.Usage;

namespace PolarBilling.EntityFrameworkCore;

internal sealed partial class EfUsageStore<TContext>
{
    /// <summary>
    /// SQLite, a local file: one prepared UPDATE stepped per pair (<see cref="SqliteOpenWindowUpdate"/>) in a transaction of
    /// the context's connection; EF (a query and an insert) only for the windows without an open part, i.e. an hour's first flush.
    /// The flush runs every second, so it keeps to the least code: EF's transaction and change tracking on every
    /// flush cost more than the updates themselves while the app warms up.
    /// </summary>
    private static async Task AddUsageOnSqliteAsync(DbContext context, IReadOnlyList<UsageIncrement> increments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Opened through EF, so a context's connection interceptors (pragmas, keys) still run.
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        using var transaction = connection.BeginTransaction();
        List<UsageIncrement> opening;
        using (var update = new SqliteOpenWindowUpdate(connection, now))
        {
            opening = update.AddToOpenParts(increments);
        }

        if (opening.Count > 0)
        {
            await context.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
            var windows = context.Set<UsageWindow>();
            foreach (var increment in opening)
            {
                windows.Add(NewWindow(increment, await NextPartAsync(windows, increment, cancellationToken).ConfigureAwait(false), now));
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }
}
