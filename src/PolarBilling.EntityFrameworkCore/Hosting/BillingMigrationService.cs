using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Applies pending migrations at start-up (see <see cref="PolarBillingStoreBuilder.MigrateOnStartup"/>).</summary>
internal sealed class BillingMigrationService<TContext>(IDbContextFactory<TContext> factory) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
