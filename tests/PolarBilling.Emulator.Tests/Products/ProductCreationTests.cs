using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Products;

public sealed class ProductCreationTests : EmulatorTest
{
    [Fact]
    public async Task A_recurring_product_is_created_with_its_price_and_announced()
    {
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro monthly", 2000), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(product.IsRecurring);
        Assert.Equal(RecurringInterval.Month, product.RecurringInterval);
        Assert.Equal(1, product.RecurringIntervalCount);
        Assert.Equal(ProductVisibility.Public, product.Visibility);
        Assert.Equal(Emulator.OrganizationId, product.OrganizationId);
        Assert.Equal(Clock.GetUtcNow(), product.CreatedAt);
        Assert.Null(product.ModifiedAt);
        var price = Assert.IsType<ProductPriceFixed>(Assert.Single(product.Prices));
        Assert.Equal(2000, price.PriceAmount);
        Assert.Equal("usd", price.PriceCurrency);
        Assert.Equal(ProductPriceSource.Catalog, price.Source);
        Assert.Equal(product.Id, price.ProductId);
        Assert.False(price.IsArchived);
        var created = Assert.Single(AssertWebhooks("product.created"));
        Assert.Equal(product.Id, ((Client.Webhooks.ProductCreatedWebhookEvent)created).Data.Id);
    }

    [Fact]
    public async Task A_one_time_product_is_not_recurring()
    {
        var product = await Polar.Products.CreateAsync(CatalogSetup.OneTime("E-book", 1500), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(product.IsRecurring);
        Assert.Null(product.RecurringInterval);
        Assert.Null(product.RecurringIntervalCount);
        Assert.Null(product.TrialInterval);
    }

    [Fact]
    public async Task A_price_of_zero_is_a_free_fixed_price()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Free", "recurring_interval": "month", "prices": [{"amount_type": "fixed", "price_amount": 0}]}
            """);

        Assert.Equal(201, status);
        Assert.Equal("fixed", (string?)body!["prices"]![0]!["amount_type"]);
        Assert.Equal(0, (long)body["prices"]![0]!["price_amount"]!);
    }

    [Fact]
    public async Task A_custom_price_defaults_its_minimum_to_fifty_cents()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Tip jar", "prices": [{"amount_type": "custom", "preset_amount": 1000}]}
            """);

        Assert.Equal(201, status);
        var price = body!["prices"]![0]!;
        Assert.Equal(50, (long)price["minimum_amount"]!);
        Assert.Null(price["maximum_amount"]);
        Assert.Equal(1000, (long)price["preset_amount"]!);
    }

    [Fact]
    public async Task Seat_tiers_are_sorted_and_give_the_minimum_and_maximum_seats()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Team", "recurring_interval": "month", "prices": [{"amount_type": "seat_based", "seat_tiers": {"tiers": [
              {"min_seats": 6, "max_seats": 20, "price_per_seat": 800},
              {"min_seats": 1, "max_seats": 5, "price_per_seat": 1000}]}}]}
            """);

        Assert.Equal(201, status);
        var tiers = body!["prices"]![0]!["seat_tiers"]!;
        Assert.Equal("volume", (string?)tiers["seat_tier_type"]);
        Assert.Equal(1, (long)tiers["tiers"]![0]!["min_seats"]!);
        Assert.Equal(1, (long)tiers["minimum_seats"]!);
        Assert.Equal(20, (long)tiers["maximum_seats"]!);
    }

    [Fact]
    public async Task A_metered_price_embeds_its_meter_beside_a_fixed_base_price()
    {
        var meter = CatalogSetup.AddMeter(Emulator, "API calls");

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", $$"""
            {"name": "Usage", "recurring_interval": "month", "prices": [
              {"amount_type": "metered_unit", "meter_id": "{{meter.Id}}", "unit_amount": "0.5", "cap_amount": 10000},
              {"amount_type": "fixed", "price_amount": 1000}]}
            """);

        Assert.Equal(201, status);
        var prices = body!["prices"]!.AsArray();
        Assert.Equal("fixed", (string?)prices[0]!["amount_type"]);
        var metered = prices[1]!;
        Assert.Equal(meter.Id, (string?)metered["meter_id"]);
        Assert.Equal("API calls", (string?)metered["meter"]!["name"]);
        Assert.Equal(10000, (long)metered["cap_amount"]!);
    }

    [Fact]
    public async Task Trial_and_metadata_are_kept_on_a_subscription_product()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Trial plan", "recurring_interval": "year", "recurring_interval_count": 2, "trial_interval": "day",
             "trial_interval_count": 14, "visibility": "private", "description": "", "metadata": {"tier": "gold", "rank": 2},
             "prices": [{"amount_type": "fixed", "price_amount": 9900}]}
            """);

        Assert.Equal(201, status);
        Assert.Equal(2, (long)body!["recurring_interval_count"]!);
        Assert.Equal("day", (string?)body["trial_interval"]);
        Assert.Equal(14, (long)body["trial_interval_count"]!);
        Assert.Equal("private", (string?)body["visibility"]);
        Assert.Null(body["description"]);
        Assert.Equal("gold", (string?)body["metadata"]!["tier"]);
    }
}
