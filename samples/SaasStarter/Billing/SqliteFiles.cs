using Microsoft.Data.Sqlite;

namespace SaasStarter.Billing;

/// <summary>SQLite connection strings whose relative file names are taken from the content root, not the working directory.</summary>
internal static class SqliteFiles
{
    /// <summary>The connection string with a relative <c>Data Source</c> made absolute under <paramref name="contentRoot"/>.</summary>
    public static string UnderContentRoot(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        return builder.ToString();
    }

    /// <summary>Deletes the file (and its journal) so the migrations start from nothing; returns the absolute connection string.</summary>
    public static string Recreate(string connectionString, string contentRoot)
    {
        var absolute = UnderContentRoot(connectionString, contentRoot);
        var file = new SqliteConnectionStringBuilder(absolute).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }

        return absolute;
    }
}
