using PolarBilling.Store;

namespace PolarBilling.Tests.Entitlements;

/// <summary>An in-memory read store that counts reads and can hold a read until the test releases it.</summary>
internal sealed class FakeReadStore : IBillingReadStore
{
    private readonly object _gate = new();

    public List<BillingCustomer> Customers { get; } = [];

    public List<BillingSubscription> Subscriptions { get; } = [];

    public List<BillingOrder> Orders { get; } = [];

    public int CustomerReads;

    /// <summary>When set, the next customer lookup reads its data, then waits for this before returning (a slow query).</summary>
    public TaskCompletionSource? HoldAfterRead { get; set; }

    public TaskCompletionSource ReadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<BillingCustomer?> FindCustomerByUserIdAsync(string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref CustomerReads);
        BillingCustomer? found;
        lock (_gate)
        {
            found = Customers.FirstOrDefault(c => c.UserId == userId);
        }

        var hold = HoldAfterRead;
        if (hold is not null)
        {
            HoldAfterRead = null;
            ReadStarted.TrySetResult();
            await hold.Task.WaitAsync(cancellationToken);
        }

        return found;
    }

    public Task<IReadOnlyList<BillingSubscription>> ListSubscriptionsAsync(string customerId, IReadOnlyCollection<string>? statuses, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<BillingSubscription>>([.. Subscriptions.Where(s => s.CustomerId == customerId)]);
        }
    }

    public Task<IReadOnlyList<BillingOrder>> ListOrdersAsync(string customerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<BillingOrder>>([.. Orders.Where(o => o.CustomerId == customerId)]);
        }
    }

    public Task<IReadOnlyList<BillingBenefitGrant>> ListGrantedBenefitsAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BillingBenefitGrant>>([]);
}
