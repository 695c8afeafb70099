using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.Usage;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Usage;

/// <summary>The usage store specification on PostgreSQL, plus the advisory lock across app instances.</summary>
public sealed class PostgreSqlUsageStoreTests(PostgreSqlFixture fixture) : UsageStoreSpecification(fixture.Database), IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task The_sync_lock_is_held_by_one_app_instance_at_a_time_and_freed_on_release()
    {
        await using var other = Database.CreateServices(new FakeTimeProvider());
        var otherWindows = other.GetRequiredService<IUsageWindowStore>();

        await using (var held = await Windows.TryAcquireSyncLockAsync(Ct))
        {
            Assert.NotNull(held);
            Assert.Null(await otherWindows.TryAcquireSyncLockAsync(Ct));
        }

        await using var taken = await otherWindows.TryAcquireSyncLockAsync(Ct);
        Assert.NotNull(taken);
        Assert.Null(await Windows.TryAcquireSyncLockAsync(Ct));
    }
}
