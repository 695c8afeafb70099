using CsCheck;
using PolarBilling.Store;
using PolarBilling.Tests.Support;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Specification;

public abstract partial class BillingStoreSpecification
{
    /// <summary>Iterations of the database-backed property; the fast in-memory one in PolarBilling.Tests runs hundreds.</summary>
    protected virtual int PropertyIterations => 12;

    [Fact]
    public void Shuffled_redelivered_webhooks_converge_to_the_in_order_state_and_notify_once()
    {
        Gen.Select(Gen.Int[0, BillingHistory.StepKinds * 2].Array[0, 8].Array[1, 5], Gen.Int, Gen.Int[0, 20]).Sample(
            input =>
            {
                Database.ResetAsync().GetAwaiter().GetResult();
                Handler.Deliveries.Clear();
                var history = BillingHistory.Build(input.Item1);
                var expected = ProjectInOrder(history);
                var random = new Random(input.Item2);
                var delivered = history.Concat(Enumerable.Range(0, input.Item3).Select(_ => history[random.Next(history.Count)]))
                    .OrderBy(_ => random.Next()).ToList();

                // Deliver in random-sized bursts, dispatching between them, as webhooks trickle in.
                for (var i = 0; i < delivered.Count;)
                {
                    var burst = random.Next(1, 6);
                    Task.WhenAll(delivered.Skip(i).Take(burst).Select(e => AppendAsync(e))).GetAwaiter().GetResult();
                    DispatchAllAsync().GetAwaiter().GetResult();
                    i += burst;
                }

                while (Notifications.DeliverPendingAsync(Ct).GetAwaiter().GetResult() > 0)
                {
                }

                Assert.Equal(BillingState.DescribeInMemory(expected), DescribeStateAsync().GetAwaiter().GetResult());
                var expectedKeys = expected.Notifications.Values.Where(n => BillingState.IsEventDriven(n.Kind)).Select(n => n.Key).Order(StringComparer.Ordinal).ToArray();
                Assert.Equal(expectedKeys, EventDrivenKeysAsync().GetAwaiter().GetResult());
                Assert.All(Handler.Deliveries, d => Assert.Equal(1, d.Value));
                Assert.Superset(expectedKeys.ToHashSet(), Handler.Deliveries.Keys.ToHashSet());
            },
            iter: PropertyIterations,
            threads: 1);
    }

    [Fact]
    public async Task The_app_finds_a_user_s_customer_subscriptions_orders_and_benefits()
    {
        foreach (var e in BillingHistory.Build([[4, 5]], "r"))
        {
            await AppendAsync(e);
        }

        await DispatchAllAsync();
        var reads = Services.GetService(typeof(IBillingReadStore)) as IBillingReadStore;
        Assert.NotNull(reads);

        var customer = await reads.FindCustomerByUserIdAsync("user_r0", Ct);
        Assert.Equal("cus_r0", customer?.Id);
        var active = await reads.ListSubscriptionsAsync("cus_r0", ["active", "trialing"], Ct);
        Assert.Equal("prod_pro", Assert.Single(active).ProductId);
        Assert.Empty(await reads.ListSubscriptionsAsync("cus_r0", ["canceled"], Ct));
        Assert.Equal(2, (await reads.ListOrdersAsync("cus_r0", Ct)).Count);
        Assert.Null(await reads.FindCustomerByUserIdAsync("nobody", Ct));
    }
}
