using Microsoft.EntityFrameworkCore;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>The billing tables on SQLite, with the SQLite migrations (<c>Migrations/Sqlite</c>).</summary>
public sealed class SqliteBillingDbContext : PolarBillingDbContext
{
    /// <summary>Creates the context; configure it with <c>UseSqlite</c>.</summary>
    public SqliteBillingDbContext(DbContextOptions<SqliteBillingDbContext> options)
        : base(options)
    {
    }
}
