using PolarBilling.Client;
using PolarBilling.Emulator.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

/// <summary>The pending queue's per-endpoint lane: removed slots are skipped, revived and compacted without losing order.</summary>
public sealed class PendingWebhookLaneTests
{
    [Fact]
    public void The_scan_skips_removed_events_and_finds_the_next_queued_one()
    {
        var (queue, events) = Queue(10);
        foreach (var n in new[] { 0, 1, 2, 4, 5 })
        {
            queue.Remove(events[n].Sequence);
        }

        Assert.Equal([3, 6, 7, 8, 9], Scan(queue.Lanes["e"]));
    }

    [Fact]
    public void An_event_queued_again_is_found_in_its_place()
    {
        var (queue, events) = Queue(6);
        for (var n = 0; n < 5; n++)
        {
            queue.Remove(events[n].Sequence);
        }

        Assert.Equal([5], Scan(queue.Lanes["e"]));
        queue.Add(events[2]);

        Assert.Equal([2, 5], Scan(queue.Lanes["e"]));
    }

    [Fact]
    public void Compaction_keeps_the_queued_events_in_order_and_a_redelivery_of_a_compacted_event_goes_back_into_place()
    {
        var (queue, events) = Queue(3000);
        for (var n = 0; n < 3000; n++)
        {
            if (n % 1000 != 999)
            {
                queue.Remove(events[n].Sequence);
            }
        }

        var lane = queue.Lanes["e"];
        Assert.True(lane.Count < 3000, "Most removed slots were compacted away.");
        Assert.Equal([999, 1999, 2999], Scan(lane));

        queue.Add(events[1500]);
        Assert.Equal([999, 1500, 1999, 2999], Scan(lane));
        Assert.Equal(4, queue.Count);
    }

    private static (PendingWebhookQueue Queue, List<OutboundWebhookEvent> Events) Queue(int count)
    {
        var queue = new PendingWebhookQueue();
        var events = Enumerable.Range(0, count).Select(n => new OutboundWebhookEvent(
            new WebhookEvent { Id = $"evt-{n}", CreatedAt = DateTimeOffset.UnixEpoch.AddSeconds(n), Type = new WebhookEventType("customer.created") },
            "{}"u8.ToArray(),
            "e",
            n + 1)).ToList();
        foreach (var outbound in events)
        {
            queue.Add(outbound);
        }

        return (queue, events);
    }

    // The event numbers (sequence - 1) the FIFO scan visits, in order.
    private static List<int> Scan(PendingWebhookLane lane)
    {
        var found = new List<int>();
        for (var i = lane.NextQueued(0); i < lane.Count; i = lane.NextQueued(i + 1))
        {
            found.Add((int)lane[i].Sequence - 1);
        }

        return found;
    }
}
