using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// The usage sync lock on PostgreSQL: a session advisory lock held on a dedicated connection for the whole run, so one
/// app instance syncs at a time; it is released on dispose, or by PostgreSQL when the connection dies with the process.
/// </summary>
internal sealed class PostgreSqlSyncLock : IAsyncDisposable
{
    /// <summary>The advisory lock key ("PolarBilling usage sync"); any fixed 64-bit number unlikely to clash with the app's own.</summary>
    public const long Key = 0x506F_6C55_7379_6E63;

    private readonly DbContext _context;
    private readonly DbConnection _connection;

    private PostgreSqlSyncLock(DbContext context, DbConnection connection)
    {
        _context = context;
        _connection = connection;
    }

    /// <summary>Takes the lock on a connection of <paramref name="context"/>, which the lock then owns; null (context disposed) when another session holds it.</summary>
    public static async Task<IAsyncDisposable?> TryAcquireAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (await ExecuteAsync(connection, "SELECT pg_try_advisory_lock(" + Key + ")", cancellationToken).ConfigureAwait(false) is true)
            {
                return new PostgreSqlSyncLock(context, connection);
            }
        }
        catch
        {
            await context.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await context.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync(_connection, "SELECT pg_advisory_unlock(" + Key + ")", CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            // Closing the connection ends the session anyway (pooled connections are reset, which also drops the lock).
            await _connection.CloseAsync().ConfigureAwait(false);
            await _context.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<object?> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
