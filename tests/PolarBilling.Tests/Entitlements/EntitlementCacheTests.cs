using Xunit;
using Microsoft.Extensions.Logging.Abstractions;
using PolarBilling.Entitlements;
using PolarBilling.Store;
using static PolarBilling.Tests.Entitlements.EntitlementFixtures;

namespace PolarBilling.Tests.Entitlements;

public sealed class EntitlementCacheTests
{
    private readonly FakeReadStore _store = new();
    private readonly TestClock _clock = new(Now);
    private readonly EntitlementCache _cache;

    public EntitlementCacheTests()
    {
        _store.Customers.Add(new BillingCustomer { Id = CustomerId, UserId = UserId });
        _store.Subscriptions.Add(Subscription("prod_pro", "active"));
        _cache = new EntitlementCache(_store, Catalog(), new PolarBillingOptions(), _clock, NullLogger.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A cache hit: must have completed synchronously; its result is read without blocking.</summary>
    private static UserEntitlements Hit(ValueTask<UserEntitlements> pending)
    {
        Assert.True(pending.IsCompletedSuccessfully);
#pragma warning disable CA2012, xUnit1031 // Completed synchronously (asserted above): reading the result does not block.
        return pending.Result;
#pragma warning restore CA2012, xUnit1031
    }

    [Fact]
    public async Task A_hit_does_not_read_the_store_and_completes_synchronously()
    {
        var first = await _cache.GetAsync(UserId, Ct);
        var hit = Hit(_cache.GetAsync(UserId, Ct));

        Assert.Same(first, hit);
        Assert.Equal("pro", first.Plan.Key);
        Assert.Equal(1, _store.CustomerReads);
    }

    [Fact]
    public async Task A_hit_allocates_nothing()
    {
        await _cache.GetAsync(UserId, Ct);
        for (var i = 0; i < 100; i++)
        {
            _ = Hit(_cache.GetAsync(UserId, Ct)).HasFeature("api-access");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var granted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            granted += Hit(_cache.GetAsync(UserId, Ct)).HasFeature("api-access") ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_000, granted);
    }

    [Fact]
    public async Task Invalidating_the_customer_makes_the_next_check_read_the_store()
    {
        Assert.Equal("pro", (await _cache.GetAsync(UserId, Ct)).Plan.Key);
        _store.Subscriptions[0].Status = "canceled";

        Assert.Equal("pro", (await _cache.GetAsync(UserId, Ct)).Plan.Key);
        _cache.Invalidate([CustomerId]);
        Assert.Equal("free", (await _cache.GetAsync(UserId, Ct)).Plan.Key);
        Assert.Equal(2, _store.CustomerReads);
    }

    [Fact]
    public async Task A_user_who_becomes_a_customer_is_invalidated_by_user_id()
    {
        Assert.Equal("free", (await _cache.GetAsync("user-2", Ct)).Plan.Key);
        _store.Customers.Add(new BillingCustomer { Id = "cus_2", UserId = "user-2" });
        _store.Subscriptions.Add(new BillingSubscription { Id = "sub_2", CustomerId = "cus_2", ProductId = "prod_ent", Status = "active" });

        new EntitlementCacheListener(_cache).OnCustomersChanged(["cus_2"], ["user-2"]);

        Assert.Equal("enterprise", (await _cache.GetAsync("user-2", Ct)).Plan.Key);
    }

    [Fact]
    public async Task Entry_expires_at_access_until_without_any_webhook()
    {
        var subscription = _store.Subscriptions[0];
        subscription.CancelAtPeriodEnd = true;
        var periodEnd = subscription.CurrentPeriodEnd!.Value;
        Assert.Equal(periodEnd, (await _cache.GetAsync(UserId, Ct)).AccessUntil);

        _clock.Now = periodEnd.AddTicks(-1);
        Assert.Equal("pro", (await _cache.GetAsync(UserId, Ct)).Plan.Key);
        Assert.Equal(1, _store.CustomerReads);

        _clock.Now = periodEnd;
        Assert.Equal("free", (await _cache.GetAsync(UserId, Ct)).Plan.Key);
        Assert.Equal(2, _store.CustomerReads);
    }

    [Fact]
    public async Task Invalidate_all_drops_every_entry()
    {
        await _cache.GetAsync(UserId, Ct);
        await _cache.GetAsync("user-2", Ct);
        Assert.Equal(2, _cache.Count);

        new EntitlementCacheListener(_cache).OnChangesMissed();

        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task A_read_overtaken_by_an_invalidation_is_not_cached()
    {
        // The first load reads "active", then stalls; meanwhile the subscription is canceled and invalidated.
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.HoldAfterRead = hold;
        _store.Subscriptions[0].Status = "canceled";
        _store.Customers[0] = new BillingCustomer { Id = CustomerId, UserId = UserId };
        var load = _cache.GetAsync(UserId, Ct).AsTask();
        await _store.ReadStarted.Task.WaitAsync(Ct);

        _cache.Invalidate([CustomerId]);
        hold.SetResult();
        await load;

        Assert.Equal(0, _cache.Count);
        Assert.Equal("free", (await _cache.GetAsync(UserId, Ct)).Plan.Key);
        Assert.Equal(2, _store.CustomerReads);
    }

    [Fact]
    public async Task A_read_overtaken_by_an_invalidation_of_a_known_user_is_not_cached()
    {
        await _cache.GetAsync(UserId, Ct);
        _cache.Invalidate([CustomerId]);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.HoldAfterRead = hold;
        var load = _cache.GetAsync(UserId, Ct).AsTask();
        await _store.ReadStarted.Task.WaitAsync(Ct);

        _cache.Invalidate([CustomerId]);
        hold.SetResult();
        await load;

        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task Unrelated_invalidations_leave_other_users_cached()
    {
        await _cache.GetAsync(UserId, Ct);
        await _cache.GetAsync("user-2", Ct);

        _cache.InvalidateUsers(["user-2"]);

        Assert.Equal(1, _cache.Count);
        Assert.Equal("pro", Hit(_cache.GetAsync(UserId, Ct)).Plan.Key);
    }
}
