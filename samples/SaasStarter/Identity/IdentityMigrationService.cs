using Microsoft.EntityFrameworkCore;

namespace SaasStarter.Identity;

/// <summary>Applies the Identity migrations when the app starts (the billing store migrates itself the same way).</summary>
internal sealed class IdentityMigrationService(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
