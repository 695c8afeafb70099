using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutClientTests : CheckoutFlowTest
{
    [Fact]
    public async Task The_hosted_page_reads_the_checkout_by_client_secret_without_a_token()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());

        var page = await Polar.Checkouts.GetByClientSecretAsync(checkout.ClientSecret, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(checkout.Id, page.Id);
        Assert.Equal(Emulator.OrganizationId, page.Organization.Id);
        Assert.Equal(checkout.TotalAmount, page.TotalAmount);
    }

    [Fact]
    public async Task An_unknown_client_secret_is_404()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/checkouts/client/polar_c_unknown", client: CreateHttpClient(token: null));

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }

    [Fact]
    public async Task Confirming_on_the_page_answers_confirmed_with_a_customer_session_then_fulfils_the_checkout()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync(), c => c.CustomerName = "Ada Lovelace");

        var confirmed = await Polar.Checkouts.ConfirmByClientSecretAsync(
            checkout.ClientSecret,
            new CheckoutConfirmStripe { ConfirmationTokenId = "tok_visa", CustomerBillingAddress = new AddressInput { Country = "DE" } },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("confirmed", confirmed.Status);
        Assert.StartsWith("polar_cst_", confirmed.CustomerSessionToken, StringComparison.Ordinal);
        var after = await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(CheckoutStatus.Succeeded, after.Status);
    }

    [Fact]
    public async Task Confirming_a_paid_checkout_needs_a_confirmation_token_name_and_address()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());

        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/checkouts/client/{checkout.ClientSecret}/confirm", "{}", CreateHttpClient(token: null));

        Assert.Equal(422, status);
        Assert.Equal("""["body","confirmation_token_id"]""", body!["detail"]![0]!["loc"]!.ToJsonString());
    }

    [Fact]
    public async Task A_declined_token_is_Polars_400_payment_error()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync(), c => c.CustomerName = "Ada Lovelace");

        var (status, body) = await SendAsync(
            HttpMethod.Post,
            $"/v1/checkouts/client/{checkout.ClientSecret}/confirm",
            """{"confirmation_token_id":"tok_chargeDeclined","customer_billing_address":{"country":"DE"}}""",
            CreateHttpClient(token: null));

        Assert.Equal(400, status);
        Assert.Equal("PaymentError", (string?)body!["error"]);
    }

    [Fact]
    public async Task The_customer_can_switch_to_another_product_of_the_checkout()
    {
        var ebook = await OneTimeProductAsync(amount: 2500);
        var course = await OneTimeProductAsync("Billing course", 9900);
        var checkout = await CheckoutAsync(ebook, c => c.Products = [ebook.Id, course.Id]);

        var page = await Polar.Checkouts.UpdateByClientSecretAsync(
            checkout.ClientSecret, new CheckoutUpdatePublic { ProductId = course.Id }, cancellationToken: TestContext.Current.CancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/checkouts/{checkout.Id}", $$"""{"product_id":"{{Guid.NewGuid()}}"}""");

        Assert.Equal((course.Id, 9900L), (page.ProductId, page.Amount));
        Assert.Equal(422, status);
        Assert.Equal("Product is not available in this checkout.", (string?)body!["detail"]![0]!["msg"]);
    }
}
