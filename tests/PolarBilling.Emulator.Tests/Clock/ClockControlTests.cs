using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Clock;

/// <summary>The clock's control routes, its errors, checkout expiry, and the frozen and running modes.</summary>
public sealed class ClockControlTests : ClockTest
{
    [Fact]
    public async Task Get_clock_shows_the_time_and_what_is_due_next()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var clock = await GetControlAsync("/emulator/clock");

        Assert.Equal("2026-11-02T09:00:00.000000Z", clock!["now"]!.GetValue<string>());
        Assert.Equal("frozen", clock["mode"]!.GetValue<string>());
        Assert.Equal(0, clock["advanced_seconds"]!.GetValue<double>());
        Assert.Equal("subscription.renewal", clock["next_due"]!["kind"]!.GetValue<string>());
        Assert.Equal(subscription.Id, clock["next_due"]!["object_id"]!.GetValue<string>());
        Assert.Equal("2026-12-02T09:00:00.000000Z", clock["next_due"]!["at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Advancing_moves_emulator_time_for_the_api()
    {
        var advance = await AdvanceAsync(TimeSpan.FromHours(5));

        Assert.Equal("2026-11-02T09:00:00.000000Z", advance["from"]!.GetValue<string>());
        Assert.Equal("2026-11-02T14:00:00.000000Z", advance["now"]!.GetValue<string>());
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "later@example.com" }, cancellationToken: Cancel);
        Assert.Equal(Start.AddHours(5), customer.CreatedAt);
        Assert.Equal(18_000, (await GetControlAsync("/emulator/clock"))!["advanced_seconds"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("{}", "exactly one of 'seconds'")]
    [InlineData("""{"seconds": 10, "to": "2027-01-01T00:00:00Z"}""", "exactly one of 'seconds'")]
    [InlineData("""{"seconds": -1}""", "'seconds' must be between 0")]
    [InlineData("""{"seconds": "ten"}""", "'seconds' must be a number")]
    [InlineData("""{"to": "next tuesday"}""", "'to' must be an ISO-8601 instant")]
    [InlineData("""{"to": "2027-01-01T00:00:00"}""", "'to' must be an ISO-8601 instant")]
    [InlineData("""{"to": "2026-01-01T00:00:00Z"}""", "the clock only moves forward")]
    [InlineData("[1]", "must be a JSON object")]
    public async Task Bad_advance_requests_are_refused_with_what_to_send(string body, string expected)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, "/emulator/clock/advance", body);

        Assert.Equal(400, status);
        Assert.Contains(expected, answer!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2026-11-02T09:00:00.000000Z", (await GetControlAsync("/emulator/clock"))!["now"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_open_checkout_expires_when_the_clock_passes_its_expiry()
    {
        var product = await MonthlyAsync("Basic", 2900);
        var checkout = await Polar.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [product.Id] }, cancellationToken: Cancel);
        TakeWebhooks();

        Assert.Empty(Actions(await AdvanceToAsync(checkout.ExpiresAt)));
        var advance = await AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([("checkout.expiry", "expired")], Actions(advance));
        var expired = Assert.IsType<CheckoutExpiredWebhookEvent>(Assert.Single(TakeWebhooks()));
        Assert.Equal(checkout.Id, expired.Data.Id);
        Assert.Equal(CheckoutStatus.Expired, expired.Data.Status);
    }

    [Fact]
    public async Task Many_subscriptions_renew_in_time_order_across_different_anchors()
    {
        var product = await MonthlyAsync("Basic", 2900);
        var first = await SubscribeAsync(product, email: "first@example.com");
        await AdvanceAsync(TimeSpan.FromDays(10));
        var second = await SubscribeAsync(product, email: "second@example.com");

        var advance = await AdvanceAsync(TimeSpan.FromDays(61));

        var ids = advance["actions"]!.AsArray().Select(a => a!["object_id"]!.GetValue<string>()).ToList();
        Assert.Equal([first.Id, second.Id, first.Id, second.Id], ids);
        Assert.Equal(ActionTimes(advance).Order().ToList(), ActionTimes(advance));
    }

    [Fact]
    public async Task Advancing_in_process_matches_the_control_api()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var advance = Emulator.AdvanceClock(TimeSpan.FromDays(31));

        var action = Assert.Single(advance.Actions);
        Assert.Equal(("subscription.renewal", subscription.Id, "active"), (action.Kind, action.ObjectId, action.Outcome));
        Assert.Equal(Start.AddDays(31), Emulator.Now);
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.AdvanceClockTo(Start));
        Assert.True(advance.WebhooksQueued > 0);
    }
}
