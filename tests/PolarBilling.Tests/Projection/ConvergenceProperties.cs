using CsCheck;
using PolarBilling.Projection;
using PolarBilling.Tests.Support;
using Xunit;

namespace PolarBilling.Tests.Projection;

/// <summary>Any delivery order of a history, with any duplicates, converges to the in-order state and notifies every event-driven fact exactly once.</summary>
public sealed class ConvergenceProperties
{
    private static readonly Gen<(int[][] Customers, int Seed, int Duplicates)> Histories =
        Gen.Select(Gen.Int[0, BillingHistory.StepKinds * 2].Array[0, 10].Array[1, 6], Gen.Int, Gen.Int[0, 30]);

    [Fact]
    public void Shuffled_and_duplicated_delivery_converges_to_the_in_order_state()
    {
        Histories.Sample(
            input =>
            {
                var history = BillingHistory.Build(input.Customers);
                var inOrder = Project(history);
                var random = new Random(input.Seed);
                var delivered = history.Concat(Enumerable.Range(0, input.Duplicates).Select(_ => history[random.Next(history.Count)])).ToList();
                Shuffle(delivered, random);
                var shuffled = Project(delivered);

                Assert.Equal(BillingState.DescribeInMemory(inOrder), BillingState.DescribeInMemory(shuffled));
                Assert.Equal(EventDrivenKeys(inOrder), EventDrivenKeys(shuffled));
            },
            iter: 300);
    }

    internal static string[] EventDrivenKeys(InMemoryBillingStore store) =>
        store.Notifications.Values.Where(n => BillingState.IsEventDriven(n.Kind)).Select(n => n.Key).Order(StringComparer.Ordinal).ToArray();

    private static InMemoryBillingStore Project(IEnumerable<DeliveredEvent> events)
    {
        var store = new InMemoryBillingStore();
        var projector = new BillingProjector();
        foreach (var e in events)
        {
            projector.ApplyAsync(e.Event, e.WebhookId, store).GetAwaiter().GetResult();
        }

        return store;
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
