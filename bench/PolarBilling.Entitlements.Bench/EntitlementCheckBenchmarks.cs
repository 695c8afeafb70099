using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Store;

namespace PolarBilling.Entitlements.Bench;

/// <summary>
/// One gating decision ("may this user use api-access?") three ways: from the entitlement cache (what gating does),
/// through <see cref="IBillingReadStore"/> (what a cache miss costs: customer, subscriptions and orders via EF Core),
/// and as one hand-written SQL query on an open SQLite connection (the cheapest per-request database check).
/// </summary>
[MemoryDiagnoser]
public class EntitlementCheckBenchmarks
{
    private BenchDatabase _database = null!;
    private IEntitlements _entitlements = null!;
    private IBillingReadStore _store = null!;
    private SqliteConnection _connection = null!;
    private SqliteCommand _query = null!;
    private string _userId = null!;

    /// <summary>Creates the database and warms the cache with every user.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await BenchDatabase.CreateAsync();
        _entitlements = _database.Services.GetRequiredService<IEntitlements>();
        _store = _database.Services.GetRequiredService<IBillingReadStore>();
        _userId = BenchDatabase.UserId(421);
        for (var i = 0; i < BenchDatabase.Users; i++)
        {
            await _entitlements.GetAsync(BenchDatabase.UserId(i));
        }

        _connection = new SqliteConnection($"Data Source={_database.Path}");
        _connection.Open();
        _query = _connection.CreateCommand();
        _query.CommandText = """
            SELECT count(*) FROM billing_subscriptions s JOIN billing_customers c ON c.id = s.customer_id
            WHERE c.user_id = $user AND c.deleted_at IS NULL AND s.product_id = $product AND s.status IN ('active', 'trialing')
            """;
        _query.Parameters.AddWithValue("$user", _userId);
        _query.Parameters.AddWithValue("$product", BenchDatabase.ProProduct);
        _query.Prepare();
    }

    /// <summary>Deletes the database.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _query.DisposeAsync();
        await _connection.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The gating path: a cache hit, completing synchronously.</summary>
    [Benchmark(Baseline = true, Description = "Cached: IEntitlements.GetAsync + HasFeature")]
    public bool Cached()
    {
        var pending = _entitlements.GetAsync(_userId);
        return pending.IsCompletedSuccessfully ? pending.Result.HasFeature("api-access") : Wait(pending);
    }

    /// <summary>A cache miss: the read store's three queries through EF Core.</summary>
    [Benchmark(Description = "Per request: IBillingReadStore (EF Core, SQLite)")]
    public async Task<bool> ReadStore()
    {
        var customer = await _store.FindCustomerByUserIdAsync(_userId, CancellationToken.None);
        var subscriptions = await _store.ListSubscriptionsAsync(customer!.Id, null, CancellationToken.None);
        var orders = await _store.ListOrdersAsync(customer.Id, CancellationToken.None);
        return subscriptions.Any(s => s.Status is "active" or "trialing") && orders.Count >= 0;
    }

    /// <summary>The cheapest per-request database check: one prepared query.</summary>
    [Benchmark(Description = "Per request: one SQL query (open SQLite connection)")]
    public bool SqlQuery() => Convert.ToInt64(_query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;

    private static bool Wait(ValueTask<UserEntitlements> pending) => pending.AsTask().GetAwaiter().GetResult().HasFeature("api-access");
}
