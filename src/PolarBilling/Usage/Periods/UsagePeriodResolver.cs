using System.Collections.Concurrent;
using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.Usage.Periods;

/// <summary>
/// Each user's <see cref="UserBillingTerms"/>, cached in memory. An entry is read again when the projection changes
/// for the user (<see cref="UsagePeriodCacheListener"/>) or when its period has ended (at most every
/// <see cref="StaleRetry"/> while the projection has not caught up with the renewal yet).
/// </summary>
internal sealed class UsagePeriodResolver(IBillingReadStore store, BillingPlanCatalog catalog)
{
    /// <summary>How often a user whose cached period has ended is read again.</summary>
    public static readonly TimeSpan StaleRetry = TimeSpan.FromSeconds(10);

    private static readonly string[] RunningStatuses = ["active", "trialing", "past_due"];
    private readonly ConcurrentDictionary<string, UserBillingTerms> _cache = new(StringComparer.Ordinal);

    /// <summary>The user's terms at <paramref name="now"/>.</summary>
    public async ValueTask<UserBillingTerms> GetAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(userId, out var cached) && IsFresh(cached, now))
        {
            return cached;
        }

        var loaded = await LoadAsync(userId, now, cancellationToken).ConfigureAwait(false);
        _cache[userId] = loaded;
        return loaded;
    }

    /// <summary>Forgets these users.</summary>
    public void ForgetUsers(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
        {
            _cache.TryRemove(userId, out _);
        }
    }

    /// <summary>Forgets the users of these Polar customers.</summary>
    public void ForgetCustomers(IReadOnlyCollection<string> customerIds)
    {
        if (customerIds.Count == 0)
        {
            return;
        }

        foreach (var (userId, terms) in _cache)
        {
            if (terms.CustomerId is { } customerId && customerIds.Contains(customerId, StringComparer.Ordinal))
            {
                _cache.TryRemove(userId, out _);
            }
        }
    }

    /// <summary>Forgets everyone.</summary>
    public void ForgetAll() => _cache.Clear();

    private static bool IsFresh(UserBillingTerms terms, DateTimeOffset now) =>
        terms.Subscription?.CurrentPeriodEnd is not { } end || now < end || now - terms.LoadedAt < StaleRetry;

    private async Task<UserBillingTerms> LoadAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var customer = await store.FindCustomerByUserIdAsync(userId, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return new UserBillingTerms(null, null, catalog.Free, now);
        }

        var subscriptions = await store.ListSubscriptionsAsync(customer.Id, RunningStatuses, cancellationToken).ConfigureAwait(false);
        var subscription = subscriptions.FirstOrDefault(s => s.CurrentPeriodStart is not null && s.CurrentPeriodEnd is not null);
        var plan = subscription is null ? catalog.Free : catalog.FindByProductId(subscription.ProductId) ?? catalog.Find(subscription.PlanKey) ?? catalog.Free;
        return new UserBillingTerms(customer.Id, subscription, plan, now);
    }
}
