using PolarBilling.Inbox;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Specification;

public abstract partial class BillingStoreSpecification
{
    // Parses (a null currency is not a shape error) but cannot be projected: a failure the dispatcher must retry.
    private const string Unprojectable = """
        {"type":"order.paid","timestamp":"2026-11-02T09:00:00Z","data":{"id":"ord_x","created_at":"2026-11-02T09:00:00Z","modified_at":null,
        "status":"paid","paid":true,"subtotal_amount":1,"discount_amount":0,"net_amount":1,"tax_amount":0,"total_amount":1,"applied_balance_amount":0,
        "due_amount":0,"refunded_amount":0,"refunded_tax_amount":0,"currency":null,"billing_reason":"purchase","customer_id":"cus_x","description":"x",
        "metadata":{},"platform_fee_amount":0,"refundable_amount":0,"refundable_tax_amount":0,"items":[],"is_invoice_generated":false}}
        """;

    [Fact]
    public async Task A_failing_event_is_retried_with_backoff_and_dead_lettered_after_the_last_attempt()
    {
        await AppendAsync("msg_fail", Unprojectable);

        await DispatchAllAsync();
        var first = await EntryAsync("msg_fail");
        Assert.Equal((WebhookEventStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.Equal(Clock.GetUtcNow().AddSeconds(1), first.NextAttemptAt);
        Assert.Contains("order.paid (webhook-id msg_fail): data.currency is missing or null", first.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await DispatchAllAsync());

        Clock.Advance(TimeSpan.FromSeconds(1));
        await DispatchAllAsync();
        var second = await EntryAsync("msg_fail");
        Assert.Equal((WebhookEventStatus.Pending, 2), (second.Status, second.Attempts));
        Assert.Equal(Clock.GetUtcNow().AddSeconds(2), second.NextAttemptAt);

        Clock.Advance(TimeSpan.FromSeconds(2));
        await DispatchAllAsync();
        var dead = await EntryAsync("msg_fail");
        Assert.Equal((WebhookEventStatus.DeadLettered, 3), (dead.Status, dead.Attempts));
    }
}
