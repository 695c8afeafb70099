using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Chooses the EF Core billing store on the builder returned by <c>AddPolarBilling()</c>.</summary>
public static class PolarBillingBuilderStoreExtensions
{
    /// <summary>
    /// Keeps the billing tables in your own context, whose model calls <c>ApplyPolarBilling()</c>; register its
    /// factory first (<c>services.AddDbContextFactory&lt;TContext&gt;(…)</c>).
    /// </summary>
    /// <typeparam name="TContext">Your context.</typeparam>
    /// <param name="builder">The PolarBilling builder.</param>
    /// <param name="configure">Further store options, e.g. <c>s => s.MigrateOnStartup()</c>.</param>
    /// <returns>The builder.</returns>
    public static PolarBillingBuilder UseEntityFrameworkCore<TContext>(this PolarBillingBuilder builder, Action<PolarBillingStoreBuilder>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        configure?.Invoke(builder.Services.AddPolarBillingStore<TContext>());
        return builder;
    }

    /// <summary>Keeps the billing tables in their own PostgreSQL context, with migrations.</summary>
    /// <param name="builder">The PolarBilling builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configure">Further store options, e.g. <c>s => s.MigrateOnStartup()</c>.</param>
    /// <returns>The builder.</returns>
    public static PolarBillingBuilder UsePostgreSql(this PolarBillingBuilder builder, string connectionString, Action<PolarBillingStoreBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var store = builder.Services.AddPolarBillingPostgreSql(connectionString);
        configure?.Invoke(store);
        return builder;
    }

    /// <summary>Keeps the billing tables in their own SQLite context, with migrations (one dispatcher writes at a time).</summary>
    /// <param name="builder">The PolarBilling builder.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="configure">Further store options, e.g. <c>s => s.MigrateOnStartup()</c>.</param>
    /// <returns>The builder.</returns>
    public static PolarBillingBuilder UseSqlite(this PolarBillingBuilder builder, string connectionString, Action<PolarBillingStoreBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var store = builder.Services.AddPolarBillingSqlite(connectionString);
        configure?.Invoke(store);
        return builder;
    }
}
