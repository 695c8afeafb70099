using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Usage;

/// <summary>The usage store specification on SQLite.</summary>
public sealed class SqliteUsageStoreTests(SqliteFixture fixture) : UsageStoreSpecification(fixture.Database), IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task One_sync_runs_at_a_time_in_the_process()
    {
        await using (var held = await Windows.TryAcquireSyncLockAsync(Ct))
        {
            Assert.NotNull(held);
            Assert.Null(await Windows.TryAcquireSyncLockAsync(Ct));
        }

        await using var again = await Windows.TryAcquireSyncLockAsync(Ct);
        Assert.NotNull(again);
    }
}
