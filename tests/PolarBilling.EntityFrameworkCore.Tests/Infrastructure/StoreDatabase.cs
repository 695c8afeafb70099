using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace PolarBilling.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>One migrated database per test class, on one provider; services built on it share the database.</summary>
public abstract class StoreDatabase : IAsyncDisposable
{
    public string ConnectionString { get; protected set; } = string.Empty;

    public abstract string Provider { get; }

    /// <summary>Registers the provider's context and the billing store on <paramref name="services"/>.</summary>
    public abstract PolarBillingStoreBuilder AddStore(IServiceCollection services);

    /// <summary>Builds services on this database (a new "app instance"): fake clock, fast retries, no background worker.</summary>
    public ServiceProvider CreateServices(FakeTimeProvider clock, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        AddStore(services);
        services.Configure<WebhookDispatcherOptions>(o =>
        {
            o.InitialBackoff = TimeSpan.FromSeconds(1);
            o.MaxAttempts = 3;
        });
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async Task MigrateAsync()
    {
        await using var provider = CreateServices(new FakeTimeProvider());
        await using var context = await CreateContextAsync(provider);
        await context.Database.MigrateAsync();
    }

    public abstract Task<PolarBillingDbContext> CreateContextAsync(IServiceProvider services);

    /// <summary>Empties every billing table, so each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        await using var provider = CreateServices(new FakeTimeProvider());
        await using var context = await CreateContextAsync(provider);
        foreach (var table in new[] { "billing_notifications", "billing_webhook_events", "billing_benefit_grants", "billing_orders", "billing_subscriptions", "billing_customers" })
        {
#pragma warning disable EF1002 // Table names are constants.
            await context.Database.ExecuteSqlRawAsync($"DELETE FROM {table}");
#pragma warning restore EF1002
        }
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteStoreDatabase : StoreDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"polarbilling-{Guid.NewGuid():N}.db");

    public SqliteStoreDatabase()
    {
        ConnectionString = $"Data Source={_path};Default Timeout=30";
    }

    public override string Provider => "SQLite";

    public override PolarBillingStoreBuilder AddStore(IServiceCollection services) => services.AddPolarBillingSqlite(ConnectionString);

    public override async Task<PolarBillingDbContext> CreateContextAsync(IServiceProvider services) =>
        await services.GetRequiredService<IDbContextFactory<SqliteBillingDbContext>>().CreateDbContextAsync();

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return base.DisposeAsync();
    }
}

public sealed class PostgreSqlStoreDatabase(string connectionString) : StoreDatabase
{
    public override string Provider => "PostgreSQL";

    public override PolarBillingStoreBuilder AddStore(IServiceCollection services) => services.AddPolarBillingPostgreSql(connectionString);

    public override async Task<PolarBillingDbContext> CreateContextAsync(IServiceProvider services) =>
        await services.GetRequiredService<IDbContextFactory<PostgreSqlBillingDbContext>>().CreateDbContextAsync();

    public string Connection => connectionString;
}
