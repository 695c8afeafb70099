using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Products;

/// <summary>Polar's rules for a product's price list: each broken one is a 422 naming <c>body.prices</c>.</summary>
public sealed class ProductPriceRuleTests : EmulatorTest
{
    [Fact]
    public async Task Two_fixed_prices_are_refused()
    {
        var detail = await RefusedAsync("""{"amount_type": "fixed", "price_amount": 1000}, {"amount_type": "fixed", "price_amount": 2000}""");

        var issue = Assert.Single(detail);
        Assert.Equal("value_error", (string?)issue["type"]);
        Assert.Equal("""["body","prices"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Only one fixed price is allowed.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task A_custom_price_cannot_sit_beside_a_fixed_one()
    {
        var detail = await RefusedAsync("""{"amount_type": "custom"}, {"amount_type": "fixed", "price_amount": 2000}""");

        Assert.Equal("A custom price cannot be combined with a fixed or seat-based price.", (string?)Assert.Single(detail)["msg"]);
    }

    [Fact]
    public async Task A_fixed_and_a_seat_based_price_combine()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Team", "recurring_interval": "month", "prices": [{"amount_type": "fixed", "price_amount": 1000},
             {"amount_type": "seat_based", "seat_tiers": {"tiers": [{"min_seats": 1, "price_per_seat": 500}]}}]}
            """);

        Assert.Equal(201, status);
        Assert.Equal(2, body!["prices"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_metered_price_needs_a_subscription_product()
    {
        var meter = CatalogSetup.AddMeter(Emulator, "Tokens");

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", $$"""
            {"name": "Pack", "prices": [{"amount_type": "metered_unit", "meter_id": "{{meter.Id}}", "unit_amount": 1}]}
            """);

        Assert.Equal(422, status);
        var issues = body!["detail"]!.AsArray();
        Assert.Equal("""["body","prices",0]""", issues[0]!["loc"]!.ToJsonString());
        Assert.Equal("Metered pricing is not supported on one-time products.", (string?)issues[0]!["msg"]);
        Assert.Equal("At least one price is required.", (string?)issues[1]!["msg"]);
    }

    [Fact]
    public async Task A_metered_price_must_name_a_meter_of_the_organization()
    {
        var detail = await RefusedAsync("""{"amount_type": "metered_unit", "meter_id": "6f1f8b7e-2d4a-4c3b-9a8e-1f2e3d4c5b6a", "unit_amount": 1}, {"amount_type": "fixed", "price_amount": 500}""");

        var issue = Assert.Single(detail);
        Assert.Equal("""["body","prices",0,"meter_id"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Meter does not exist.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task One_meter_cannot_price_twice_in_a_currency()
    {
        var meter = CatalogSetup.AddMeter(Emulator, "Seats");

        var detail = await RefusedAsync($$"""{"amount_type": "metered_unit", "meter_id": "{{meter.Id}}", "unit_amount": 1}, {"amount_type": "metered_unit", "meter_id": "{{meter.Id}}", "unit_amount": 2}""");

        var issue = Assert.Single(detail);
        Assert.Equal("""["body","prices",1,"meter_id"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Meter is already used for another price.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task A_price_below_the_currency_minimum_is_refused_unless_free()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Cheap", "recurring_interval": "month", "prices": [{"amount_type": "fixed", "price_amount": 49}]}
            """);

        Assert.Equal(422, status);
        Assert.Equal("RequestValidationError", (string?)body!["error"]);
        var issue = Assert.Single(body["detail"]!.AsArray())!;
        Assert.Equal("minimum_price", (string?)issue["type"]);
        Assert.Equal("""["body","recurring","prices",0,"fixed","price_amount"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Amount must be at least $0.50 or 0 for free pricing", (string?)issue["msg"]);
    }

    [Fact]
    public async Task Seat_tiers_with_a_gap_are_refused()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Team", "recurring_interval": "month", "prices": [{"amount_type": "seat_based", "seat_tiers": {"tiers": [
              {"min_seats": 1, "max_seats": 5, "price_per_seat": 1000}, {"min_seats": 8, "price_per_seat": 800}]}}]}
            """);

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("Value error, Gap or overlap between tiers: tier ending at 5 and tier starting at 8", (string?)issue["msg"]);
        Assert.Equal("""["body","recurring","prices",0,"seat_based","seat_tiers","tiers"]""", issue["loc"]!.ToJsonString());
    }

    [Fact]
    public async Task The_default_currency_must_have_a_price()
    {
        var detail = await RefusedAsync("""{"amount_type": "fixed", "price_amount": 1000, "price_currency": "eur"}""");

        Assert.Equal("The organization's default presentment currency must be present in the prices.", (string?)Assert.Single(detail)["msg"]);
    }

    [Fact]
    public async Task Every_currency_needs_the_same_kinds_of_prices()
    {
        var detail = await RefusedAsync("""{"amount_type": "fixed", "price_amount": 1000}, {"amount_type": "custom", "price_currency": "eur"}""");

        Assert.Equal("All price currencies must define the same set of price types.", (string?)Assert.Single(detail)["msg"]);
    }

    [Fact]
    public async Task Separate_meter_cycling_needs_the_organizations_feature()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Cycle", "recurring_interval": "month", "meter_interval": "day", "prices": [{"amount_type": "fixed", "price_amount": 1000}]}
            """);

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","meter_interval"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Separate meter cycling is not enabled for this organization.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task Medias_must_be_uploaded_files()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", """
            {"name": "Pictured", "medias": ["0b5a7a55-4b7e-4d7e-9d3c-7c2a4f1e9b10"], "prices": [{"amount_type": "fixed", "price_amount": 1000}]}
            """);

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","medias",0]""", issue["loc"]!.ToJsonString());
        Assert.Equal("File does not exist or is not yet uploaded.", (string?)issue["msg"]);
        Assert.Empty(AssertWebhooks());
    }

    private async Task<List<JsonNode>> RefusedAsync(string prices)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", $$"""{"name": "Plan", "recurring_interval": "month", "prices": [{{prices}}]}""");
        Assert.Equal(422, status);
        Assert.Equal("PolarRequestValidationError", (string?)body!["error"]);
        Assert.Empty(AssertWebhooks());
        return [.. body["detail"]!.AsArray().Select(n => n!)];
    }
}
