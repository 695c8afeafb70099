using System.Text.Json.Nodes;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Checkouts;

public sealed class CheckoutsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_posts_products_customer_success_url_metadata_discount_and_trial_exactly_as_given()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/checkouts/").Always(LoopbackResponse.Json(201, CheckoutFixtures.Open));
        var client = server.CreateClient();

        var checkout = await client.Checkouts.CreateAsync(
            new CheckoutProductsCreate
            {
                Products = [CheckoutFixtures.ProMonthlyId, CheckoutFixtures.ProYearlyId],
                ExternalCustomerId = "user_42",
                CustomerEmail = "ada@example.com",
                SuccessUrl = CheckoutSuccessUrl.WithCheckoutId("https://app.example.com/billing/success?plan=pro"),
                ReturnUrl = "https://app.example.com/pricing",
                Metadata = new() { ["plan"] = "pro", ["seats_requested"] = 3, ["from_campaign"] = true },
                DiscountId = CheckoutFixtures.LaunchDiscountId,
                AllowDiscountCodes = false,
                AllowTrial = true,
                TrialInterval = TrialInterval.Day,
                TrialIntervalCount = 14,
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/checkouts/"), (request.Method, request.Path));
        Assert.Equal("Bearer " + LoopbackPolarServer.AccessToken, request.Header("Authorization"));
        ModelRoundTrip.AssertEquivalent(
            $$"""
            {
              "products": ["{{CheckoutFixtures.ProMonthlyId}}", "{{CheckoutFixtures.ProYearlyId}}"],
              "external_customer_id": "user_42",
              "customer_email": "ada@example.com",
              "success_url": "https://app.example.com/billing/success?plan=pro&checkout_id={CHECKOUT_ID}",
              "return_url": "https://app.example.com/pricing",
              "metadata": {"plan": "pro", "seats_requested": 3, "from_campaign": true},
              "discount_id": "{{CheckoutFixtures.LaunchDiscountId}}",
              "allow_discount_codes": false,
              "allow_trial": true,
              "trial_interval": "day",
              "trial_interval_count": 14
            }
            """,
            request.BodyText!);
        Assert.Contains("checkout_id={CHECKOUT_ID}", request.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("%7B", request.BodyText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("null", request.BodyText, StringComparison.Ordinal);

        // Sent literally: escaped, Polar would not substitute it and the success page would get no checkout id.
        OpenApiSpec.AssertRequestValid("POST", request.Path, request.BodyText);

        Assert.Equal(CheckoutFixtures.OpenCheckoutId, checkout.Id);
        Assert.Equal(CheckoutStatus.Open, checkout.Status);
        Assert.Equal("https://polar.sh/checkout/" + CheckoutFixtures.ClientSecret, checkout.Url);
        Assert.Equal(CheckoutFixtures.ClientSecret, checkout.ClientSecret);
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 10, 30, 0, 123, 456, TimeSpan.Zero), checkout.ExpiresAt);
        Assert.Equal((1500L, 300L, 1200L, (long?)null, 1200L, "usd"), (checkout.Amount, checkout.DiscountAmount, checkout.NetAmount, checkout.TaxAmount, checkout.TotalAmount, checkout.Currency));
        Assert.Equal(("user_42", "ada@example.com", (string?)null), (checkout.ExternalCustomerId, checkout.CustomerEmail, checkout.CustomerId));
        Assert.Equal((TrialInterval.Day, 14L), (checkout.ActiveTrialInterval, checkout.ActiveTrialIntervalCount));
        Assert.Equal(new DateTimeOffset(2026, 4, 16, 10, 30, 0, 123, 456, TimeSpan.Zero), checkout.TrialEnd);
        var metadata = checkout.Metadata;
        Assert.Equal(("pro", 3L, true), (metadata["plan"].ToString(), metadata["seats_requested"].AsInteger(), metadata["from_campaign"].AsBoolean()));
        var discount = Assert.IsType<CheckoutDiscountPercentageOnceForeverDuration>(checkout.Discount);
        Assert.Equal((2000L, DiscountDuration.Once, "LAUNCH20"), (discount.BasisPoints, discount.Duration, discount.Code));
        Assert.Equal([CheckoutFixtures.ProMonthlyId, CheckoutFixtures.ProYearlyId], checkout.Products.Select(p => p.Id));
        var price = Assert.IsType<ProductPriceFixed>(checkout.ProductPrice);
        Assert.Equal((1500L, "usd"), (price.PriceAmount, price.PriceCurrency));
        Assert.Equal(2, checkout.Prices!.Count);
    }

    [Fact]
    public async Task Create_refuses_a_checkout_without_products_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [] }, cancellationToken: Ct));

        Assert.Equal("body", ex.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Create_is_retried_after_a_503_because_an_extra_open_session_moves_no_money()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/checkouts/")
            .Once(LoopbackResponse.Json(503, """{"detail":"Service Unavailable"}"""))
            .Always(LoopbackResponse.Json(201, CheckoutFixtures.Open));
        var client = server.CreateClient();

        var checkout = await client.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [CheckoutFixtures.ProMonthlyId] }, cancellationToken: Ct);

        Assert.Equal(CheckoutFixtures.OpenCheckoutId, checkout.Id);
        Assert.Equal(2, server.Requests.Count);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Get_reads_a_succeeded_checkout_with_customer_tax_and_a_fixed_discount()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/{id}").Always(LoopbackResponse.Json(200, CheckoutFixtures.Succeeded));
        var client = server.CreateClient();

        var checkout = await client.Checkouts.GetAsync(CheckoutFixtures.SucceededCheckoutId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/checkouts/" + CheckoutFixtures.SucceededCheckoutId, ""), (request.Method, request.Path, request.QueryString));
        Assert.Null(request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(CheckoutStatus.Succeeded, checkout.Status);
        Assert.Equal((15000L, 1000L, 14000L, (long?)2800, 16800L), (checkout.Amount, checkout.DiscountAmount, checkout.NetAmount, checkout.TaxAmount, checkout.TotalAmount));
        Assert.Equal(TaxBehavior.Exclusive, checkout.TaxBehavior);
        Assert.Equal(CheckoutFixtures.CustomerId, checkout.CustomerId);
        Assert.Equal(("GB", "London"), (checkout.CustomerBillingAddress!.Country, checkout.CustomerBillingAddress.City));
        Assert.Equal("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", checkout.SubscriptionId);
        Assert.Null(checkout.TrialEnd);
        Assert.Null(checkout.Prices);
        var discount = Assert.IsType<CheckoutDiscountFixedOnceForeverDuration>(checkout.Discount);
        Assert.Equal((1000L, "usd", 900L, DiscountDuration.Forever), (discount.Amount, discount.Currency, discount.Amounts["eur"], discount.Duration));
        Assert.Null(discount.Code);
    }

    [Fact]
    public async Task Get_of_an_unknown_checkout_surfaces_Polars_404()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/{id}").Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Checkouts.GetAsync(CheckoutFixtures.OpenCheckoutId, cancellationToken: Ct));

        Assert.Equal("ResourceNotFound", ex.Error);
    }

    [Fact]
    public async Task Update_sends_only_the_fields_that_were_set()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/checkouts/{id}").Always(LoopbackResponse.Json(200, CheckoutFixtures.Open));
        var client = server.CreateClient();

        await client.Checkouts.UpdateAsync(
            CheckoutFixtures.OpenCheckoutId,
            new CheckoutUpdate { CustomerEmail = "ada@example.com", Metadata = new() { ["plan"] = "pro" }, AllowTrial = false },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", "/v1/checkouts/" + CheckoutFixtures.OpenCheckoutId), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent("""{"customer_email":"ada@example.com","metadata":{"plan":"pro"},"allow_trial":false}""", request.BodyText!);
        Assert.Equal(3, JsonNode.Parse(request.BodyText!)!.AsObject().Count);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task RemoveDiscount_sends_an_explicit_null_discount_id_and_nothing_else()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/checkouts/{id}").Always(LoopbackResponse.Json(200, CheckoutFixtures.Open));
        var client = server.CreateClient();

        await client.Checkouts.RemoveDiscountAsync(CheckoutFixtures.OpenCheckoutId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("""{"discount_id":null}""", request.BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Update_of_a_checkout_that_is_no_longer_open_surfaces_Polars_403_with_its_error_name()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        const string forbidden = """{"error":"NotOpenCheckout","detail":"Checkout is not open: succeeded"}""";
        OpenApiSpec.AssertResponseValid("PATCH", "/v1/checkouts/" + CheckoutFixtures.OpenCheckoutId, 403, forbidden);
        server.On("PATCH", "/v1/checkouts/{id}").Always(LoopbackResponse.Json(403, forbidden));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarPermissionException>(() =>
            client.Checkouts.UpdateAsync(CheckoutFixtures.OpenCheckoutId, new CheckoutUpdate { Seats = 5 }, cancellationToken: Ct));

        Assert.Equal(("NotOpenCheckout", "Checkout is not open: succeeded"), (ex.Error, ex.Detail));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Ids_are_escaped_so_they_cannot_change_the_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Checkouts.GetAsync("../products/x?y", cancellationToken: Ct));

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("/v1/checkouts/", request.Path, StringComparison.Ordinal);
        Assert.Equal("", request.QueryString);
        Assert.Equal(4, request.Path.Split('/').Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Missing_ids_are_rejected_naming_the_parameter(string? id)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var checkouts = server.CreateClient().Checkouts;

        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => checkouts.GetAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => checkouts.UpdateAsync(id!, new CheckoutUpdate(), cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => checkouts.RemoveDiscountAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("clientSecret", (await Assert.ThrowsAnyAsync<ArgumentException>(() => checkouts.GetByClientSecretAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("clientSecret", (await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            checkouts.UpdateByClientSecretAsync(id!, new CheckoutUpdatePublic(), cancellationToken: Ct))).ParamName);
        Assert.Equal("clientSecret", (await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            checkouts.ConfirmByClientSecretAsync(id!, new CheckoutConfirmStripe(), cancellationToken: Ct))).ParamName);
        Assert.Empty(server.Requests);
    }
}
