using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutExpiryTests : CheckoutFlowTest
{
    [Fact]
    public async Task An_open_checkout_expires_after_24_hours_with_one_checkout_expired_event()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());
        TakeWebhooks();
        Clock.Advance(TimeSpan.FromHours(24));

        var stillOpen = await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);
        await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(CheckoutStatus.Open, stillOpen.Status);
        Assert.Equal(CheckoutStatus.Expired, expired.Status);
        var expiredEvent = Assert.Single(AssertWebhooks("checkout.expired"));
        Assert.Contains("\"status\":\"expired\"", expiredEvent.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hosted_page_and_the_complete_call_answer_410_for_an_expired_checkout()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());
        Clock.Advance(TimeSpan.FromDays(2));

        var (pageStatus, pageBody) = await SendAsync(HttpMethod.Get, $"/v1/checkouts/client/{checkout.ClientSecret}", client: CreateHttpClient(token: null));
        var (completeStatus, completeBody) = await CompleteAsync(checkout.Id);

        Assert.Equal(410, pageStatus);
        Assert.Equal("ExpiredCheckoutError", (string?)pageBody!["error"]);
        Assert.Equal("This checkout session has expired.", (string?)pageBody["detail"]);
        Assert.Equal(410, completeStatus);
        Assert.Equal("ExpiredCheckoutError", (string?)completeBody!["error"]);
    }

    [Fact]
    public async Task The_merchant_cannot_update_an_expired_checkout()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/checkouts/{checkout.Id}", """{"customer_name":"Ada"}""");

        Assert.Equal(403, status);
        Assert.Equal("NotOpenCheckout", (string?)body!["error"]);
        Assert.Equal($"Checkout {checkout.Id} is not open: expired", (string?)body["detail"]);
    }

    [Fact]
    public async Task Expiry_is_a_step_the_clock_can_run_without_a_request()
    {
        var first = await CheckoutAsync(await OneTimeProductAsync());
        var paid = await CheckoutAsync(await OneTimeProductAsync("Second", 100));
        await CompleteAsync(paid.Id);
        TakeWebhooks();
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        int expiredCount;
        lock (Emulator.State.Gate)
        {
            expiredCount = CheckoutExpiry.ExpireDue(Emulator.State);
        }

        Assert.Equal(1, expiredCount);
        var events = AssertWebhooks("checkout.expired");
        Assert.Contains(first.Id, events[0].RawJson, StringComparison.Ordinal);
    }
}
