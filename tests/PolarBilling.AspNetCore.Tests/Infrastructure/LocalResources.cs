using System.Net;
using System.Net.Sockets;

namespace PolarBilling.AspNetCore.Tests.Infrastructure;

/// <summary>What the test beds take from the machine and give back: a free loopback port, a SQLite file.</summary>
internal static class LocalResources
{
    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Closes pooled SQLite connections and deletes the database with its WAL and shared-memory files.</summary>
    public static void DeleteSqlite(string? path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (path is null)
        {
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
