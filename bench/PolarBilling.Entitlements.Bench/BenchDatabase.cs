using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.Entitlements.Bench;

/// <summary>
/// A migrated SQLite file with 1,000 customers, each with a subscription and a few orders, and the app's services on
/// it (the real EF read store, the plan catalog, the entitlement cache).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const int Users = 1000;
    public const string ProProduct = "prod_pro";

    private BenchDatabase(string path, ServiceProvider services)
    {
        Path = path;
        Services = services;
    }

    public string Path { get; }

    public ServiceProvider Services { get; }

    public static async Task<BenchDatabase> CreateAsync()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"entitlements-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPolarBillingSqlite($"Data Source={path}");
        var pro = new BillingPlanOptions { Name = "Pro", ProductId = ProProduct, Price = 2900 };
        pro.Features.Add("api-access");
        pro.Limits["agents"] = 5;
        services.AddSingleton(BillingPlanCatalog.Create(new Dictionary<string, BillingPlanOptions> { ["pro"] = pro }));
        services.AddOptions<PolarBillingOptions>();
        services.AddEntitlementCache();
        var provider = services.BuildServiceProvider();

        await using var context = await provider.GetRequiredService<IDbContextFactory<SqliteBillingDbContext>>().CreateDbContextAsync();
        await context.Database.MigrateAsync();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < Users; i++)
        {
            var customer = $"cus_{i:D5}";
            context.Add(new BillingCustomer { Id = customer, UserId = UserId(i), Email = $"u{i}@example.com", UpdatedAt = now });
            context.Add(new BillingSubscription
            {
                Id = $"sub_{i:D5}", CustomerId = customer, ProductId = ProProduct, Status = i % 2 == 0 ? "active" : "trialing",
                Currency = "usd", RecurringInterval = "month", RecurringIntervalCount = 1, StartedAt = now.AddDays(-3),
                CurrentPeriodStart = now.AddDays(-3), CurrentPeriodEnd = now.AddDays(27), UpdatedAt = now,
            });
            for (var o = 0; o < 3; o++)
            {
                context.Add(new BillingOrder
                {
                    Id = $"ord_{i:D5}_{o}", CustomerId = customer, ProductId = ProProduct, Status = "paid", Paid = true,
                    BillingReason = "subscription_cycle", Currency = "usd", TotalAmount = 2900, UpdatedAt = now,
                });
            }
        }

        await context.SaveChangesAsync();
        return new BenchDatabase(path, provider);
    }

    public static string UserId(int i) => $"user-{i:D5}";

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path);
    }
}
