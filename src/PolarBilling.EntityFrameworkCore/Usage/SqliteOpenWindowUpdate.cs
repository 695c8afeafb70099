using Microsoft.Data.Sqlite;
using PolarBilling.Usage;
using SQLitePCL;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// SQLite: <c>quantity = quantity + @quantity</c> on a window's open part (times are UTC ticks there), one statement
/// prepared per flush and stepped once per pair through SQLitePCL, which Microsoft.Data.Sqlite itself uses. Its commands
/// create a data reader and look every parameter name up on each execution: at a thousand pairs a second that was most
/// of the flush's CPU. The caller's transaction (on the same connection) holds the write lock, so a step is never busy.
/// </summary>
internal sealed class SqliteOpenWindowUpdate : IDisposable
{
    private const string Sql =
        $"UPDATE {BillingTables.UsageWindows} SET quantity = quantity + ?1, updated_at = ?2 "
        + "WHERE user_id = ?3 AND meter = ?4 AND window_start = ?5 AND status = 0";

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteOpenWindowUpdate(SqliteConnection connection, DateTimeOffset now)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, Sql, out _statement));
        Check(raw.sqlite3_bind_int64(_statement, 2, now.UtcTicks));
    }

    /// <summary>Adds <paramref name="increments"/> to their windows' open parts.</summary>
    /// <returns>The increments whose window has no open part (none stored yet, or its last part sealed).</returns>
    public List<UsageIncrement> AddToOpenParts(IReadOnlyList<UsageIncrement> increments)
    {
        var notOpen = new List<UsageIncrement>();
        foreach (var increment in increments)
        {
            Check(raw.sqlite3_bind_int64(_statement, 1, increment.Quantity));
            Check(raw.sqlite3_bind_text(_statement, 3, increment.UserId));
            Check(raw.sqlite3_bind_text(_statement, 4, increment.Meter));
            Check(raw.sqlite3_bind_int64(_statement, 5, increment.WindowStart.UtcTicks));
            var done = raw.sqlite3_step(_statement);
            var changed = raw.sqlite3_changes(_database);
            Check(raw.sqlite3_reset(_statement));
            if (done != raw.SQLITE_DONE)
            {
                Check(done);
            }

            if (changed == 0)
            {
                notOpen.Add(increment);
            }
        }

        return notOpen;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
