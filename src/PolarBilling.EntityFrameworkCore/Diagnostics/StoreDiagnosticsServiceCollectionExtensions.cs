using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolarBilling.Diagnostics;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Registers what the health checks read from the EF Core store.</summary>
internal static class StoreDiagnosticsServiceCollectionExtensions
{
    public static IServiceCollection AddBillingStoreDiagnostics<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.TryAddSingleton<IBillingStoreHealth, EfBillingStoreHealth<TContext>>();
        return services;
    }
}
