using System.Text.Json.Nodes;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary>What <c>POST /emulator/trigger</c> refuses before changing anything: no event, an unknown one, a missing or unknown id.</summary>
public sealed class TriggerRequestTests : TriggerTest
{
    [Fact]
    public async Task An_unknown_event_is_400_listing_the_supported_ones()
    {
        var body = await RefusedAsync(Trigger("subscription.exploded", "subscription_id", "x"), 400, "InvalidControlRequest");

        var detail = (string?)body["detail"];
        Assert.StartsWith("Unknown event 'subscription.exploded'. Supported: ", detail, StringComparison.Ordinal);
        foreach (var supported in new[] { "subscription.past_due", "subscription.revoked", "order.refunded", "checkout.expired", "customer.deleted" })
        {
            Assert.Contains(supported, detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_body_without_an_event_is_400()
    {
        var body = await RefusedAsync(new JsonObject { ["subscription_id"] = "x" }, 400, "InvalidControlRequest");

        Assert.StartsWith("'event' is required", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_id_is_400_naming_every_missing_field()
    {
        var past = await RefusedAsync(Trigger("subscription.past_due"), 400, "InvalidControlRequest");
        var paid = await RefusedAsync(Trigger("order.paid"), 400, "InvalidControlRequest");

        Assert.Equal("subscription.past_due needs 'subscription_id'.", (string?)past["detail"]);
        Assert.Equal("order.paid needs 'product_id' and 'customer_id'.", (string?)paid["detail"]);
    }

    [Fact]
    public async Task An_id_that_names_nothing_is_404()
    {
        var missing = Guid.NewGuid().ToString();

        await RefusedAsync(Trigger("subscription.revoked", "subscription_id", missing), 404, "ResourceNotFound");
        await RefusedAsync(Trigger("order.refunded", "order_id", missing), 404, "ResourceNotFound");
        await RefusedAsync(Trigger("checkout.expired", "checkout_id", missing), 404, "ResourceNotFound");
        await RefusedAsync(Trigger("customer.updated", "customer_id", missing), 404, "ResourceNotFound");
        await RefusedAsync(Trigger("checkout.created", "product_id", missing), 404, "ResourceNotFound");
    }

    [Fact]
    public async Task An_option_of_the_wrong_type_is_400_naming_it()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        var body = Trigger("subscription.canceled", "subscription_id", subscription.Id);
        body["immediately"] = "yes";

        var refused = await RefusedAsync(body, 400, "InvalidControlRequest");

        Assert.Equal("'immediately' must be true or false.", (string?)refused["detail"]);
    }
}
