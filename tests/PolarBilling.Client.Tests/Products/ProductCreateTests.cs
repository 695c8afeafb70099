using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Products;

/// <summary>Creating products of every price type, and changing prices while keeping the ones that stay.</summary>
public sealed class ProductCreateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_recurring_plan_posts_fixed_seat_based_and_metered_prices_with_a_trial()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/products/").Always(LoopbackResponse.Json(201, ProductFixtures.ProMonthly));
        var client = server.CreateClient();

        var product = await client.Products.CreateAsync(
            new ProductCreateRecurring
            {
                Name = "Pro",
                Description = "Everything in Starter, plus the API.",
                RecurringInterval = RecurringInterval.Month,
                TrialInterval = TrialInterval.Day,
                TrialIntervalCount = 14,
                Metadata = new() { ["plan"] = "pro" },
                Prices =
                [
                    new ProductPriceFixedCreate { PriceAmount = 1900, PriceCurrency = PresentmentCurrency.Usd, TaxBehavior = TaxBehaviorOption.Exclusive },
                    new ProductPriceSeatBasedCreate
                    {
                        SeatTiers = new ProductPriceSeatTiersInput
                        {
                            SeatTierType = SeatTierType.Graduated,
                            Tiers = [new() { MinSeats = 1, MaxSeats = 5, PricePerSeat = 1200 }, new() { MinSeats = 6, PricePerSeat = 1000 }],
                        },
                    },
                    new ProductPriceMeteredUnitCreate { MeterId = ProductFixtures.ApiCallsMeterId, UnitAmount = 0.05m, CapAmount = 50000 },
                ],
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/products/"), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent(
            $$"""
            {"metadata":{"plan":"pro"},"name":"Pro","description":"Everything in Starter, plus the API.",
             "prices":[
               {"amount_type":"fixed","price_currency":"usd","tax_behavior":"exclusive","price_amount":1900},
               {"amount_type":"seat_based","seat_tiers":{"seat_tier_type":"graduated","tiers":[
                 {"min_seats":1,"max_seats":5,"price_per_seat":1200},{"min_seats":6,"price_per_seat":1000}]} },
               {"amount_type":"metered_unit","meter_id":"{{ProductFixtures.ApiCallsMeterId}}","unit_amount":"0.05","cap_amount":50000}],
             "trial_interval":"day","trial_interval_count":14,"recurring_interval":"month"}
            """,
            request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(ProductFixtures.ProId, product.Id);
    }

    [Fact]
    public async Task Create_free_plan_posts_a_fixed_price_of_zero()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/products/").Always(LoopbackResponse.Json(201, ProductFixtures.Free));
        var client = server.CreateClient();

        var product = await client.Products.CreateAsync(
            new ProductCreateRecurring { Name = "Free", RecurringInterval = RecurringInterval.Month, Prices = [new ProductPriceFixedCreate { PriceAmount = 0 }] },
            cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent(
            """{"name":"Free","prices":[{"amount_type":"fixed","price_amount":0}],"recurring_interval":"month"}""",
            Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(0, Assert.IsType<ProductPriceFixed>(Assert.Single(product.Prices)).PriceAmount);
    }

    [Fact]
    public async Task Create_one_time_purchase_posts_a_pay_what_you_want_price_without_recurring_interval()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/products/").Always(LoopbackResponse.Json(201, ProductFixtures.PayWhatYouWant));
        var client = server.CreateClient();

        var product = await client.Products.CreateAsync(
            new ProductCreateOneTime
            {
                Name = "The Billing Handbook",
                Visibility = ProductVisibility.Public,
                OrganizationId = ProductFixtures.OrganizationId,
                Prices = [new ProductPriceCustomCreate { MinimumAmount = 500, PresetAmount = 2000, TaxBehavior = TaxBehaviorOption.Inclusive }],
            },
            cancellationToken: Ct);

        var body = Assert.Single(server.Requests).BodyText!;
        ModelRoundTrip.AssertEquivalent(
            $$"""
            {"name":"The Billing Handbook","visibility":"public","organization_id":"{{ProductFixtures.OrganizationId}}",
             "prices":[{"amount_type":"custom","tax_behavior":"inclusive","minimum_amount":500,"preset_amount":2000}]}
            """,
            body);
        Assert.DoesNotContain("recurring_interval", body, StringComparison.Ordinal);
        server.AssertAllRequestsMatchSpec();
        Assert.False(product.IsRecurring);
    }

    [Fact]
    public async Task Create_is_retried_after_a_503_because_a_catalog_write_moves_no_money()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/products/")
            .Once(LoopbackResponse.Json(503, """{"detail":"busy"}"""))
            .Always(LoopbackResponse.Json(201, ProductFixtures.Free));
        var client = server.CreateClient();

        await client.Products.CreateAsync(
            new ProductCreateRecurring { Name = "Free", RecurringInterval = RecurringInterval.Month, Prices = [new ProductPriceFixedCreate { PriceAmount = 0 }] },
            cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].BodyText, server.Requests[1].BodyText);
    }

    [Fact]
    public async Task Update_with_existing_prices_keeps_the_active_ones_and_adds_the_new_price()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        var client = server.CreateClient();
        var current = ModelRoundTrip.AssertFixture<Product>("Product", "Products/product-pro-monthly.json");

        var prices = current.ToExistingPrices();
        prices.Add(new ProductPriceFixedCreate { PriceAmount = 2900, PriceCurrency = PresentmentCurrency.Eur });
        await client.Products.UpdateAsync(current.Id, new ProductUpdate { Prices = prices }, cancellationToken: Ct);

        // The archived 15.00 price is not listed: sending it would fail, leaving it out keeps it archived.
        Assert.Equal(
            $$"""{"prices":[{"id":"{{ProductFixtures.ProFixedPriceId}}"},{"id":"{{ProductFixtures.ProMeteredPriceId}}"},{"amount_type":"fixed","price_currency":"eur","price_amount":2900}]}""",
            Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Add_price_reads_the_product_then_patches_its_active_prices_plus_the_new_one()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        server.On("PATCH", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        var client = server.CreateClient();

        await client.Products.AddPriceAsync(
            ProductFixtures.ProId, new ProductPriceMeteredUnitCreate { MeterId = ProductFixtures.ApiCallsMeterId, UnitAmount = 0.000001m }, cancellationToken: Ct);

        Assert.Equal(["GET", "PATCH"], server.Requests.Select(r => r.Method));
        Assert.Equal(
            $$"""{"prices":[{"id":"{{ProductFixtures.ProFixedPriceId}}"},{"id":"{{ProductFixtures.ProMeteredPriceId}}"},{"amount_type":"metered_unit","meter_id":"{{ProductFixtures.ApiCallsMeterId}}","unit_amount":"0.000001"}]}""",
            server.Requests[1].BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Archive_price_patches_every_other_active_price()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        server.On("PATCH", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        var client = server.CreateClient();

        await client.Products.ArchivePriceAsync(ProductFixtures.ProId, ProductFixtures.ProMeteredPriceId, cancellationToken: Ct);

        Assert.Equal($$"""{"prices":[{"id":"{{ProductFixtures.ProFixedPriceId}}"}]}""", server.Requests[1].BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Theory]
    [InlineData(ProductFixtures.ProArchivedPriceId)]
    [InlineData("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f")]
    public async Task Archive_price_refuses_a_price_the_product_does_not_have_active(string priceId)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.ProMonthly));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Products.ArchivePriceAsync(ProductFixtures.ProId, priceId, cancellationToken: Ct));

        Assert.DoesNotContain(server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Archive_price_refuses_to_remove_the_only_price()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/{id}").Always(LoopbackResponse.Json(200, ProductFixtures.Free));
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.Products.ArchivePriceAsync(ProductFixtures.FreeId, "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", cancellationToken: Ct));

        Assert.Contains("only active price", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
