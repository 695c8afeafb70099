using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolarBilling.EntityFrameworkCore.Migrations;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without an app (no connection is opened).</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlBillingDbContext>
{
    public PostgreSqlBillingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlBillingDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without an app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBillingDbContext>
{
    public SqliteBillingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBillingDbContext>().UseSqlite("Data Source=design_time.db").Options);
}
