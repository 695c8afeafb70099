using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.Notifications;
using PolarBilling.Usage;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Usage;

/// <summary>A database created before usage billing upgrades to it with its rows intact.</summary>
public sealed class UsageMigrationTests(PostgresCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sqlite_database_from_the_first_release_upgrades_with_its_notifications_kept()
    {
        await using var database = new SqliteStoreDatabase();
        await UpgradeKeepsRowsAsync(database);
    }

    [Fact]
    public async Task A_postgresql_database_from_the_first_release_upgrades_with_its_notifications_kept()
    {
        await using var database = new PostgreSqlStoreDatabase(await cluster.CreateDatabaseAsync("upgrade"));
        await UpgradeKeepsRowsAsync(database);
    }

    private static async Task UpgradeKeepsRowsAsync(StoreDatabase database)
    {
        await using var services = database.CreateServices(new FakeTimeProvider());
        await using (var context = await database.CreateContextAsync(services))
        {
            var migrations = context.Database.GetMigrations().ToList();
            var initial = Assert.Single(migrations, m => m.EndsWith("_InitialBillingStore", StringComparison.Ordinal));
            await context.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync(initial, Ct);
#pragma warning disable EF1002, EF1003 // Constant SQL in a test.
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO billing_notifications (key, kind, source_event_id, customer_id, subject_id, occurred_at, created_at, status, attempts, next_attempt_at) "
                + $"VALUES ('old', 'SubscriptionActivated', 'evt', 'cus', 'sub', {Time(context)}, {Time(context)}, 1, 1, {Time(context)})", Ct);
#pragma warning restore EF1002, EF1003
        }

        await using (var context = await database.CreateContextAsync(services))
        {
            await context.Database.MigrateAsync(Ct);
            Assert.Empty(await context.Database.GetPendingMigrationsAsync(Ct));
            var old = await context.Notifications.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(("old", BillingNotificationStatus.Delivered, null, null), (old.Key, old.Status, old.Meter, old.Threshold));
            Assert.Equal(0, await context.UsageWindows.CountAsync(Ct));
        }

        await services.GetRequiredService<IUsageWindowStore>().AddUsageAsync(
            [new UsageIncrement("u1", "api_calls", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMonths(1), 3)],
            DateTimeOffset.UnixEpoch, Ct);
        Assert.Equal(3, (await services.GetRequiredService<IUsageStore>().SumByMeterAsync("u1", DateTimeOffset.UnixEpoch, Ct))["api_calls"]);
    }

    private static string Time(DbContext context) => context.Database.IsSqlite() ? "0" : "now()";
}
