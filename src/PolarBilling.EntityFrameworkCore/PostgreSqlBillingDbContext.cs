using Microsoft.EntityFrameworkCore;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>The billing tables on PostgreSQL, with the PostgreSQL migrations (<c>Migrations/PostgreSql</c>).</summary>
public sealed class PostgreSqlBillingDbContext : PolarBillingDbContext
{
    /// <summary>Creates the context; configure it with <c>UseNpgsql</c>.</summary>
    public PostgreSqlBillingDbContext(DbContextOptions<PostgreSqlBillingDbContext> options)
        : base(options)
    {
    }
}
