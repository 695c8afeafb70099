using System.Diagnostics;
using Npgsql;

namespace PolarBilling.Webhooks.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb + pg_ctl from /usr/lib/postgresql/*/bin, as the <c>postgres</c> user when
/// run as root) with the durability defaults left on: <c>fsync</c>, <c>synchronous_commit</c> and
/// <c>full_page_writes</c> are not touched, so every acknowledged insert has been flushed to disk.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _bin;
    private readonly bool _asRoot = Environment.UserName == "root";

    private PostgresServer(string root, string bin, int port)
    {
        _root = root;
        _bin = bin;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=20;Timeout=30;Command Timeout=120";
    }

    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => System.IO.Path.Combine(d, "bin"))
            .Where(d => File.Exists(System.IO.Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).First();
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"polarbilling-bench-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var port = Ports.Free();
        var server = new PostgresServer(root, bin, port);
        if (server._asRoot)
        {
            await Processes.RunAsync("chown", "-R", "postgres:postgres", root);
        }

        var data = System.IO.Path.Combine(root, "data");
        await server.RunAsPostgresAsync("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C");
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=100";
        await server.RunAsPostgresAsync("pg_ctl", "-D", data, "-o", options, "-l", System.IO.Path.Combine(root, "server.log"), "-w", "-t", "60", "start");
        return server;
    }

    /// <summary>The durability-relevant settings as the server reports them, for the results.</summary>
    public async Task<string> SettingsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN "
            + "('fsync','synchronous_commit','full_page_writes','wal_sync_method','shared_buffers','commit_delay','server_version')",
            connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // A constant from the caller.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync("pg_ctl", "-D", System.IO.Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop");
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp dir is harmless.
        }
    }

    private Task RunAsPostgresAsync(string program, params string[] args)
    {
        var path = System.IO.Path.Combine(_bin, program);
        return _asRoot ? Processes.RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : Processes.RunAsync(path, args);
    }
}
