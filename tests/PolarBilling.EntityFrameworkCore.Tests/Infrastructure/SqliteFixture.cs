using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A migrated SQLite database file for one test class.</summary>
public sealed class SqliteFixture : IAsyncLifetime
{
    public StoreDatabase Database { get; } = new SqliteStoreDatabase();

    public async ValueTask InitializeAsync() => await Database.MigrateAsync();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>A migrated PostgreSQL database, in the run's cluster, for one test class.</summary>
public sealed class PostgreSqlFixture(PostgresCluster cluster) : IAsyncLifetime
{
    public StoreDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = new PostgreSqlStoreDatabase(await cluster.CreateDatabaseAsync("billing"));
        await Database.MigrateAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
