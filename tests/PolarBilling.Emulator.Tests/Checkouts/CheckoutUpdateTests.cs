using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutUpdateTests : CheckoutFlowTest
{
    [Fact]
    public async Task The_merchant_updates_metadata_success_url_customer_fields_and_trial()
    {
        var pro = await MonthlyProductAsync();
        var checkout = await CheckoutAsync(pro);
        TakeWebhooks();

        var updated = await Polar.Checkouts.UpdateAsync(
            checkout.Id,
            new CheckoutUpdate
            {
                Metadata = new Dictionary<string, MetadataValue> { ["campaign"] = "winter" },
                SuccessUrl = "https://app.example.com/thanks?id={CHECKOUT_ID}",
                CustomerName = "Ada Lovelace",
                TrialInterval = TrialInterval.Week,
                TrialIntervalCount = 2,
            },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("winter", updated.Metadata["campaign"].ToString());
        Assert.Equal($"https://app.example.com/thanks?id={checkout.Id}", updated.SuccessUrl);
        Assert.Equal("Ada Lovelace", updated.CustomerName);
        Assert.Equal(Clock.GetUtcNow().AddDays(14), updated.TrialEnd);
        Assert.False(updated.IsPaymentRequired);
        var webhook = (CheckoutUpdatedWebhookEvent)Assert.Single(AssertWebhooks("checkout.updated"));
        Assert.Equal("Ada Lovelace", webhook.Data.CustomerName);
    }

    [Fact]
    public async Task A_rejected_update_changes_nothing()
    {
        var ebook = await OneTimeProductAsync(amount: 2500);
        var course = await OneTimeProductAsync("Billing course", 9900);
        var checkout = await CheckoutAsync(ebook, c => c.Products = [ebook.Id, course.Id]);
        TakeWebhooks();

        var (status, _) = await SendAsync(HttpMethod.Patch, $"/v1/checkouts/{checkout.Id}", $$"""{"product_id":"{{course.Id}}","discount_id":"{{Guid.NewGuid()}}"}""");
        var after = await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(422, status);
        Assert.Equal((ebook.Id, 2500L), (after.ProductId, after.Amount));
        Assert.Empty(TakeWebhooks());
    }

    [Fact]
    public async Task An_unknown_checkout_is_404()
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/checkouts/{Guid.NewGuid()}", """{"customer_name":"Ada"}""");

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }
}
