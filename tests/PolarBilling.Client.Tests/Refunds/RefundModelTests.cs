using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Refunds;

/// <summary>The refund model against the spec: every fixture, disputes, unknown values kept.</summary>
public sealed class RefundModelTests
{
    [Theory]
    [InlineData("refund-pending-partial.json")]
    [InlineData("refund-succeeded-full-subscription.json")]
    [InlineData("refund-dispute-prevention.json")]
    public void Refund_fixtures_are_valid_fully_modelled_and_round_trip(string fixture)
    {
        var refund = ModelRoundTrip.Assert<Refund>("Refund", ModelRoundTrip.Fixture("Refunds/" + fixture));

        Assert.True(refund.Amount > 0);
    }

    [Fact]
    public void A_full_subscription_refund_reads_amount_tax_and_subscription()
    {
        var refund = PolarJson.Deserialize<Refund>(RefundFixtures.SucceededFull);

        Assert.Equal((RefundStatus.Succeeded, RefundReason.ServiceDisruption), (refund.Status, refund.Reason));
        Assert.Equal((4800L, 912L, "usd"), (refund.Amount, refund.TaxAmount, refund.Currency));
        Assert.Equal((RefundFixtures.SubscriptionOrderId, RefundFixtures.SubscriptionId), (refund.OrderId, refund.SubscriptionId));
        Assert.Null(refund.Dispute);
    }

    [Fact]
    public void A_dispute_prevention_refund_reads_its_dispute()
    {
        var refund = PolarJson.Deserialize<Refund>(RefundFixtures.DisputePrevention);

        Assert.Equal(RefundReason.DisputePrevention, refund.Reason);
        Assert.True(refund.RevokeBenefits);
        Assert.Equal((DisputeStatus.Prevented, true, 2400L), (refund.Dispute!.Status, refund.Dispute.Resolved, refund.Dispute.Amount));
    }

    [Fact]
    public void A_refund_list_page_is_valid_and_reads_every_item()
    {
        var page = RefundFixtures.Page([RefundFixtures.PendingPartial, RefundFixtures.SucceededFull, RefundFixtures.DisputePrevention], 3, 1);
        OpenApiSpec.AssertResponseValid("GET", "/v1/refunds/", 200, page);

        var list = PolarJson.Deserialize<PolarList<Refund>>(page);

        Assert.Equal([RefundStatus.Pending, RefundStatus.Succeeded, RefundStatus.Succeeded], list.Items.Select(r => r.Status));
    }

    [Fact]
    public void Unknown_status_and_reason_are_kept_not_rejected()
    {
        var node = JsonNode.Parse(RefundFixtures.PendingPartial)!.AsObject();
        node["status"] = "requires_action";
        node["reason"] = "goodwill";
        var json = node.ToJsonString();

        var refund = PolarJson.Deserialize<Refund>(json);

        Assert.Equal(("requires_action", "goodwill"), (refund.Status.Value, refund.Reason.Value));
        Assert.False(refund.Status.IsKnown);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(refund));
    }
}
