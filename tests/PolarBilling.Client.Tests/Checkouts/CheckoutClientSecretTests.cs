using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Checkouts;

/// <summary>The unauthenticated calls Polar's checkout page makes, by client secret.</summary>
public sealed class CheckoutClientSecretTests
{
    private const string ClientPath = "/v1/checkouts/client/" + CheckoutFixtures.ClientSecret;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetByClientSecret_sends_no_access_token_and_reads_the_public_checkout()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/client/{client_secret}").Always(LoopbackResponse.Json(200, CheckoutFixtures.Public));
        var client = server.CreateClient();

        var checkout = await client.Checkouts.GetByClientSecretAsync(CheckoutFixtures.ClientSecret, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", ClientPath), (request.Method, request.Path));
        Assert.Null(request.Header("Authorization"));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((CheckoutFixtures.OpenCheckoutId, CheckoutStatus.Open, 1200L), (checkout.Id, checkout.Status, checkout.TotalAmount));
        Assert.Equal(("acme-analytics", SubscriptionProrationBehavior.Prorate), (checkout.Organization.Slug, checkout.Organization.ProrationBehavior));
        Assert.IsType<CheckoutDiscountPercentageOnceForeverDuration>(checkout.Discount);
        Assert.Equal(BillingAddressFieldMode.Required, checkout.BillingAddressFields.Country);
    }

    [Fact]
    public async Task Client_calls_work_with_a_client_that_has_no_access_token_at_all()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/client/{client_secret}").Always(LoopbackResponse.Json(200, CheckoutFixtures.Public));
        var client = server.CreateClient(options => options.AccessToken = null);

        var checkout = await client.Checkouts.GetByClientSecretAsync(CheckoutFixtures.ClientSecret, cancellationToken: Ct);

        Assert.Equal(CheckoutFixtures.OpenCheckoutId, checkout.Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Checkouts.GetAsync(CheckoutFixtures.OpenCheckoutId, cancellationToken: Ct));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task UpdateByClientSecret_patches_a_discount_code_without_an_access_token()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/checkouts/client/{client_secret}").Always(LoopbackResponse.Json(200, CheckoutFixtures.Public));
        var client = server.CreateClient();

        var checkout = await client.Checkouts.UpdateByClientSecretAsync(
            CheckoutFixtures.ClientSecret, new CheckoutUpdatePublic { DiscountCode = "LAUNCH20", CustomerEmail = "ada@example.com" }, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", ClientPath), (request.Method, request.Path));
        Assert.Null(request.Header("Authorization"));
        ModelRoundTrip.AssertEquivalent("""{"discount_code":"LAUNCH20","customer_email":"ada@example.com"}""", request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal("LAUNCH20", checkout.Discount!.Code);
    }

    [Fact]
    public async Task Confirm_posts_without_an_access_token_and_returns_the_customer_session_token()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/checkouts/client/{client_secret}/confirm").Always(LoopbackResponse.Json(200, CheckoutFixtures.PublicConfirmed));
        var client = server.CreateClient();

        var confirmed = await client.Checkouts.ConfirmByClientSecretAsync(
            CheckoutFixtures.ClientSecret,
            new CheckoutConfirmStripe { ConfirmationTokenId = "ctoken_1Pq2Rs3Tu4Vw5Xy6", CustomerName = "Ada Lovelace", CustomerEmail = "ada@example.com" },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", ClientPath + "/confirm"), (request.Method, request.Path));
        Assert.Null(request.Header("Authorization"));
        ModelRoundTrip.AssertEquivalent(
            """{"confirmation_token_id":"ctoken_1Pq2Rs3Tu4Vw5Xy6","customer_name":"Ada Lovelace","customer_email":"ada@example.com"}""", request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal("confirmed", confirmed.Status);
        Assert.Equal("polar_cst_Hn4Jk8Lm2Np6Qr0St3Uv7Wx1Yz5Ab9Cd2Ef6Gh0Ij4", confirmed.CustomerSessionToken);
        Assert.Equal("https://uploads.polar.sh/acme/avatar.png", confirmed.Organization.AvatarUrl);
        Assert.Equal("US", confirmed.CustomerBillingAddress!.Country);
    }

    [Fact]
    public async Task Confirm_moves_money_so_a_503_is_not_retried()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/checkouts/client/{client_secret}/confirm")
            .Once(LoopbackResponse.Json(503, """{"detail":"Service Unavailable"}"""))
            .Always(LoopbackResponse.Json(200, CheckoutFixtures.PublicConfirmed));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarServerException>(() =>
            client.Checkouts.ConfirmByClientSecretAsync(CheckoutFixtures.ClientSecret, new CheckoutConfirmStripe(), cancellationToken: Ct));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Confirm_is_retried_after_a_429_because_the_rate_limiter_answers_before_Polar_acts()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/checkouts/client/{client_secret}/confirm")
            .Once(LoopbackResponse.RateLimited(0))
            .Always(LoopbackResponse.Json(200, CheckoutFixtures.PublicConfirmed));
        var client = server.CreateClient();

        var confirmed = await client.Checkouts.ConfirmByClientSecretAsync(CheckoutFixtures.ClientSecret, new CheckoutConfirmStripe(), cancellationToken: Ct);

        Assert.Equal("confirmed", confirmed.Status);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetByClientSecret_is_retried_after_a_503()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/client/{client_secret}")
            .Once(LoopbackResponse.Json(503, """{"detail":"Service Unavailable"}"""))
            .Always(LoopbackResponse.Json(200, CheckoutFixtures.Public));
        var client = server.CreateClient();

        await client.Checkouts.GetByClientSecretAsync(CheckoutFixtures.ClientSecret, cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_expired_checkout_surfaces_Polars_410_ExpiredCheckoutError()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        const string expired = """{"error":"ExpiredCheckoutError","detail":"This checkout session has expired."}""";
        OpenApiSpec.AssertResponseValid("GET", ClientPath, 410, expired);
        server.On("GET", "/v1/checkouts/client/{client_secret}").Always(LoopbackResponse.Json(410, expired));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarApiException>(() => client.Checkouts.GetByClientSecretAsync(CheckoutFixtures.ClientSecret, cancellationToken: Ct));

        Assert.Equal((System.Net.HttpStatusCode.Gone, "ExpiredCheckoutError"), (ex.StatusCode, ex.Error));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_failed_payment_on_confirm_surfaces_Polars_400_PaymentError()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        const string failed = """{"error":"PaymentError","detail":"Your card was declined."}""";
        OpenApiSpec.AssertResponseValid("POST", ClientPath + "/confirm", 400, failed);
        server.On("POST", "/v1/checkouts/client/{client_secret}/confirm").Always(LoopbackResponse.Json(400, failed));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarApiException>(() =>
            client.Checkouts.ConfirmByClientSecretAsync(CheckoutFixtures.ClientSecret, new CheckoutConfirmStripe(), cancellationToken: Ct));

        Assert.Equal((System.Net.HttpStatusCode.BadRequest, "PaymentError", "Your card was declined."), (ex.StatusCode, ex.Error, ex.Detail));
    }
}
