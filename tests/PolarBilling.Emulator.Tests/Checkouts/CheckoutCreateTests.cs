using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutCreateTests : CheckoutFlowTest
{
    [Fact]
    public async Task A_new_checkout_is_open_for_24_hours_on_the_emulators_hosted_page_and_priced_from_the_first_product()
    {
        var ebook = await OneTimeProductAsync(amount: 2500);
        var course = await OneTimeProductAsync("Billing course", 9900);
        TakeWebhooks();

        var checkout = await CheckoutAsync(ebook, c => c.Products = [ebook.Id, course.Id]);

        Assert.Equal(CheckoutStatus.Open, checkout.Status);
        Assert.StartsWith("polar_c_", checkout.ClientSecret, StringComparison.Ordinal);
        Assert.Equal($"{Emulator.BaseUrl}checkout/{checkout.ClientSecret}", checkout.Url);
        Assert.Equal($"{Emulator.BaseUrl}checkout/{checkout.ClientSecret}/confirmation", checkout.SuccessUrl);
        Assert.Equal(Clock.GetUtcNow().AddHours(24), checkout.ExpiresAt);
        Assert.Equal([ebook.Id, course.Id], checkout.Products.Select(p => p.Id));
        Assert.Equal(ebook.Id, checkout.ProductId);
        Assert.Equal(ebook.Prices[0].Id, checkout.ProductPriceId);
        Assert.Equal((2500, 0, 2500, 2500), (checkout.Amount, checkout.DiscountAmount, checkout.NetAmount, checkout.TotalAmount));
        Assert.Null(checkout.TaxAmount);
        Assert.True(checkout.IsPaymentRequired);
        Assert.False(checkout.IsPaymentSetupRequired);
        Assert.False(checkout.IsFreeProductPrice);
        Assert.True(checkout.AllowDiscountCodes);
        var created = Assert.IsType<CheckoutCreatedWebhookEvent>(Assert.Single(AssertWebhooks("checkout.created")));
        Assert.Equal(checkout.Id, created.Data.Id);
    }

    [Fact]
    public async Task The_literal_CHECKOUT_ID_in_the_success_url_becomes_the_checkout_id()
    {
        var ebook = await OneTimeProductAsync();

        var checkout = await CheckoutAsync(ebook, c => c.SuccessUrl = "https://app.example.com/billing/success?checkout_id={CHECKOUT_ID}");

        Assert.Equal($"https://app.example.com/billing/success?checkout_id={checkout.Id}", checkout.SuccessUrl);
    }

    [Fact]
    public async Task A_free_product_needs_no_payment_and_a_pay_what_you_want_price_takes_the_chosen_amount()
    {
        var free = await OneTimeProductAsync("Free guide", 0);
        var tipJar = await PayWhatYouWantProductAsync(minimum: 500, preset: 1000);

        var freeCheckout = await CheckoutAsync(free);
        var tipDefault = await CheckoutAsync(tipJar);
        var tipChosen = await CheckoutAsync(tipJar, c => c.Amount = 2000);

        Assert.True(freeCheckout.IsFreeProductPrice);
        Assert.False(freeCheckout.IsPaymentRequired);
        Assert.False(freeCheckout.IsPaymentFormRequired);
        Assert.Equal(0, freeCheckout.TaxAmount);
        Assert.Equal(1000, tipDefault.Amount);
        Assert.Equal(2000, tipChosen.Amount);
    }

    [Fact]
    public async Task An_amount_under_the_minimum_of_a_pay_what_you_want_price_is_rejected()
    {
        var tipJar = await PayWhatYouWantProductAsync(minimum: 500);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/checkouts/", $$"""{"products":["{{tipJar.Id}}"],"amount":100}""");

        Assert.Equal(422, status);
        Assert.Equal("greater_than_equal", (string?)body!["detail"]![0]!["type"]);
        Assert.Equal("""["body","amount"]""", body["detail"]![0]!["loc"]!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_and_archived_products_are_rejected_at_their_index()
    {
        var archived = await OneTimeProductAsync();
        await Polar.Products.ArchiveAsync(archived.Id, cancellationToken: TestContext.Current.CancellationToken);
        var unknown = Guid.NewGuid().ToString();

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/checkouts/", $$"""{"products":["{{unknown}}","{{archived.Id}}"]}""");

        Assert.Equal(422, status);
        Assert.Equal("""["body","products",0]""", body!["detail"]![0]!["loc"]!.ToJsonString());
        Assert.Equal("Product does not exist.", (string?)body["detail"]![0]!["msg"]);
        Assert.Equal("""["body","products",1]""", body["detail"]![1]!["loc"]!.ToJsonString());
        Assert.Equal("Product is archived.", (string?)body["detail"]![1]!["msg"]);
    }

    [Fact]
    public async Task An_unknown_customer_id_is_rejected()
    {
        var ebook = await OneTimeProductAsync();

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/checkouts/", $$"""{"products":["{{ebook.Id}}"],"customer_id":"{{Guid.NewGuid()}}"}""");

        Assert.Equal(422, status);
        Assert.Equal("Customer does not exist.", (string?)body!["detail"]![0]!["msg"]);
    }

    [Fact]
    public async Task A_recurring_product_with_a_trial_charges_nothing_now_unless_the_checkout_disallows_the_trial()
    {
        var pro = await MonthlyProductAsync(trialDays: 14);

        var withTrial = await CheckoutAsync(pro);
        var withoutTrial = await CheckoutAsync(pro, c => c.AllowTrial = false);

        Assert.Equal(Clock.GetUtcNow().AddDays(14), withTrial.TrialEnd);
        Assert.Equal(TrialInterval.Day, withTrial.ActiveTrialInterval);
        Assert.False(withTrial.IsPaymentRequired);
        Assert.True(withTrial.IsPaymentSetupRequired);
        Assert.Null(withoutTrial.TrialEnd);
        Assert.True(withoutTrial.IsPaymentRequired);
    }

    [Fact]
    public async Task Only_an_existing_free_subscription_can_be_upgraded_through_a_checkout()
    {
        var pro = await MonthlyProductAsync();
        var paid = await BuyAsync(pro);

        var (unknown, unknownBody) = await SendAsync(HttpMethod.Post, "/v1/checkouts/", $$"""{"products":["{{pro.Id}}"],"subscription_id":"{{Guid.NewGuid()}}"}""");
        var (notFree, notFreeBody) = await SendAsync(HttpMethod.Post, "/v1/checkouts/", $$"""{"products":["{{pro.Id}}"],"subscription_id":"{{paid.SubscriptionId}}"}""");

        Assert.Equal(422, unknown);
        Assert.Equal("Subscription does not exist.", (string?)unknownBody!["detail"]![0]!["msg"]);
        Assert.Equal(422, notFree);
        Assert.Equal("Only free subscriptions can be upgraded.", (string?)notFreeBody!["detail"]![0]!["msg"]);
    }
}
