using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Orders;

/// <summary>The order, invoice and receipt models against the spec: every fixture, unknown values kept.</summary>
public sealed class OrderModelTests
{
    [Theory]
    [InlineData("order-paid-subscription-create.json")]
    [InlineData("order-partially-refunded-one-time.json")]
    [InlineData("order-draft-off-session.json")]
    [InlineData("order-pending-renewal-proration.json")]
    public void Order_fixtures_are_valid_fully_modelled_and_round_trip(string fixture)
    {
        var order = ModelRoundTrip.Assert<Order>("Order", ModelRoundTrip.Fixture("Orders/" + fixture));

        Assert.NotEmpty(order.Items);
        Assert.Equal(order.CustomerId, order.Customer.Id);
    }

    [Fact]
    public void Invoice_and_receipt_fixtures_round_trip()
    {
        var invoice = ModelRoundTrip.Assert<OrderInvoice>("OrderInvoice", OrderFixtures.Invoice);
        var receipt = ModelRoundTrip.Assert<OrderReceipt>("OrderReceipt", OrderFixtures.Receipt);

        Assert.StartsWith("https://", invoice.Url, StringComparison.Ordinal);
        Assert.Contains("ACME-R-0042", receipt.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paid_subscription_order_reads_amounts_tax_discount_and_its_subscription()
    {
        var order = PolarJson.Deserialize<Order>(OrderFixtures.PaidSubscriptionCreate);

        Assert.Equal((OrderStatus.Paid, OrderBillingReason.SubscriptionCreate, true), (order.Status, order.BillingReason, order.Paid));
        Assert.Equal((6000L, 1200L, 4800L, 912L, 5712L), (order.SubtotalAmount, order.DiscountAmount, order.NetAmount, order.TaxAmount, order.TotalAmount));
        Assert.Equal((4800L, 912L), (order.RefundableAmount, order.RefundableTaxAmount));
        Assert.Equal(("ACME-0042", true, "ACME-R-0042"), (order.InvoiceNumber, order.IsInvoiceGenerated, order.ReceiptNumber));
        Assert.Equal((OrderFixtures.SeatsSubscriptionId, 5L), (order.Subscription!.Id, order.Subscription.Seats));
        Assert.IsType<DiscountPercentageOnceForeverDurationBase>(order.Discount);
        Assert.Equal("Berlin", order.BillingAddress!.City);
        Assert.Equal("Team", order.Product!.Name);
    }

    [Fact]
    public void A_partially_refunded_order_reads_what_is_left_to_refund()
    {
        var order = PolarJson.Deserialize<Order>(OrderFixtures.PartiallyRefundedOneTime);

        Assert.Equal(OrderStatus.PartiallyRefunded, order.Status);
        Assert.Equal((3900L, 1500L, 2400L), (order.NetAmount, order.RefundedAmount, order.RefundableAmount));
        Assert.Null(order.Subscription);
        Assert.IsType<DiscountFixedOnceForeverDurationBase>(order.Discount);
        Assert.False(order.Product!.IsRecurring);
    }

    [Fact]
    public void A_pending_renewal_reads_its_retry_time_and_proration_items()
    {
        var order = PolarJson.Deserialize<Order>(OrderFixtures.PendingRenewalWithProration);

        Assert.Equal((OrderStatus.Pending, OrderBillingReason.SubscriptionCycle), (order.Status, order.BillingReason));
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T12:05:00Z"), order.NextPaymentAttemptAt);
        Assert.Equal([false, true, true], order.Items.Select(i => i.Proration));
        Assert.Equal(-700L, order.Items[1].Amount);
        Assert.Equal(CustomerType.Team, order.Customer.Type);
    }

    [Fact]
    public void An_order_list_page_is_valid_and_reads_every_item()
    {
        var page = OrderFixtures.Page(OrderFixtures.All, totalCount: 4, maxPage: 1);
        OpenApiSpec.AssertResponseValid("GET", "/v1/orders/", 200, page);

        var list = PolarJson.Deserialize<PolarList<Order>>(page);

        Assert.Equal([OrderStatus.Paid, OrderStatus.PartiallyRefunded, OrderStatus.Draft, OrderStatus.Pending], list.Items.Select(o => o.Status));
    }

    [Fact]
    public void Unknown_status_and_billing_reason_are_kept_not_rejected()
    {
        var node = JsonNode.Parse(OrderFixtures.PaidSubscriptionCreate)!.AsObject();
        node["status"] = "disputed";
        node["billing_reason"] = "subscription_seats_update";
        var json = node.ToJsonString();

        var order = PolarJson.Deserialize<Order>(json);

        Assert.Equal(("disputed", false), (order.Status.Value, order.Status.IsKnown));
        Assert.Equal("subscription_seats_update", order.BillingReason.Value);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(order));
    }
}
