using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.Entitlements;

/// <summary>
/// <see cref="IEntitlements"/> over <see cref="IBillingReadStore"/>: a lock-free dictionary of immutable snapshots.
/// A hit is one dictionary lookup and one clock read, completing synchronously without allocating. A miss reads the
/// store once and caches the result until <see cref="UserEntitlements.AccessUntil"/> or an invalidation.
/// </summary>
/// <remarks>
/// Race: a read that started before a commit could cache the old state after the commit's invalidation. Every
/// invalidation first bumps a version (the user's stripe, or a global one for customers this cache never saw); a load
/// caches only if the versions it saw before reading are unchanged after storing, else it removes its own entry.
/// </remarks>
internal sealed partial class EntitlementCache : IEntitlements
{
    private const int Stripes = 64;
    private readonly ConcurrentDictionary<string, CachedEntitlements> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _userByCustomer = new(StringComparer.Ordinal);
    private readonly long[] _stripeVersions = new long[Stripes];
    private readonly IBillingReadStore _store;
    private readonly EntitlementEvaluator _evaluator;
    private readonly TimeProvider _time;
    private long _globalVersion;

    public EntitlementCache(IBillingReadStore store, BillingPlanCatalog catalog, PolarBillingOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = time;
        _evaluator = new EntitlementEvaluator(catalog, options.PastDueGracePeriod, logger);
    }

    /// <summary>Entries cached now (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    public ValueTask<UserEntitlements> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (_entries.TryGetValue(userId, out var entry) && entry.ExpiresAtTicks > _time.GetUtcNow().UtcTicks)
        {
            return new ValueTask<UserEntitlements>(entry.Value);
        }

        return new ValueTask<UserEntitlements>(LoadAsync(userId, cancellationToken));
    }

    private async Task<UserEntitlements> LoadAsync(string userId, CancellationToken ct)
    {
        var stripe = StripeOf(userId);
        var stripeVersion = Volatile.Read(ref _stripeVersions[stripe]);
        var globalVersion = Volatile.Read(ref _globalVersion);
        var customer = await _store.FindCustomerByUserIdAsync(userId, ct).ConfigureAwait(false);
        IReadOnlyList<BillingSubscription> subscriptions = [];
        IReadOnlyList<BillingOrder> orders = [];
        if (customer is not null)
        {
            _userByCustomer[customer.Id] = userId;
            subscriptions = await _store.ListSubscriptionsAsync(customer.Id, null, ct).ConfigureAwait(false);
            orders = await _store.ListOrdersAsync(customer.Id, ct).ConfigureAwait(false);
        }

        var value = _evaluator.Evaluate(userId, subscriptions, orders, _time.GetUtcNow());
        var entry = new CachedEntitlements(value, value.AccessUntil?.UtcTicks ?? long.MaxValue);
        if (Unchanged(stripe, stripeVersion, globalVersion))
        {
            _entries[userId] = entry;
            if (!Unchanged(stripe, stripeVersion, globalVersion))
            {
                _entries.TryRemove(new KeyValuePair<string, CachedEntitlements>(userId, entry));
            }
        }

        return value;
    }

    private bool Unchanged(int stripe, long stripeVersion, long globalVersion) =>
        Volatile.Read(ref _stripeVersions[stripe]) == stripeVersion && Volatile.Read(ref _globalVersion) == globalVersion;

    private static int StripeOf(string userId) => (int)((uint)StringComparer.Ordinal.GetHashCode(userId) % Stripes);

    /// <summary>One cached snapshot and when it stops being valid (UTC ticks).</summary>
    private sealed record CachedEntitlements(UserEntitlements Value, long ExpiresAtTicks);
}
