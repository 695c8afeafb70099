using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Products;
using Xunit;

namespace PolarBilling.Emulator.Tests.Discounts;

public sealed class DiscountCreationTests : EmulatorTest
{
    [Fact]
    public async Task A_percentage_discount_is_created_unredeemed_and_announced()
    {
        var discount = await Polar.Discounts.CreateAsync(new DiscountPercentageCreate
        {
            Name = "Launch",
            Code = "LAUNCH25",
            BasisPoints = 2500,
            Duration = DiscountDuration.Once,
            MaxRedemptions = 100,
        }, cancellationToken: TestContext.Current.CancellationToken);

        var percentage = Assert.IsType<DiscountPercentageOnceForeverDuration>(discount);
        Assert.Equal(2500, percentage.BasisPoints);
        Assert.Equal(DiscountType.Percentage, discount.Type);
        Assert.Equal("LAUNCH25", discount.Code);
        Assert.Equal(0, discount.RedemptionsCount);
        Assert.Equal(100, discount.MaxRedemptions);
        Assert.Empty(discount.Products);
        var created = (DiscountCreatedWebhookEvent)Assert.Single(AssertWebhooks("discount.created"));
        Assert.Equal(discount.Id, created.Data.Id);
    }

    [Fact]
    public async Task A_fixed_amount_becomes_the_amounts_of_its_currency()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/discounts/", """
            {"type": "fixed", "name": "Ten off", "amount": 1000, "currency": "usd", "duration": "repeating", "duration_in_months": 3}
            """);

        Assert.Equal(201, status);
        Assert.Equal(1000, (long)body!["amount"]!);
        Assert.Equal("usd", (string?)body["currency"]);
        Assert.Equal(1000, (long)body["amounts"]!["usd"]!);
        Assert.Equal(3, (long)body["duration_in_months"]!);
        Assert.Null(body["code"]);
    }

    [Fact]
    public async Task A_discount_can_be_limited_to_products()
    {
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/discounts/", $$"""
            {"type": "percentage", "name": "Pro only", "basis_points": 1000, "duration": "forever", "products": ["{{product.Id}}"]}
            """);
        var (unknown, refusal) = await SendAsync(HttpMethod.Post, "/v1/discounts/", """
            {"type": "percentage", "name": "Nothing", "basis_points": 1000, "duration": "forever", "products": ["0a8f6a1e-8d8b-4b8e-8a5d-3a2c1b0f9e8d"]}
            """);

        Assert.Equal(201, status);
        Assert.Equal("Pro", (string?)body!["products"]![0]!["name"]);
        Assert.Equal(422, unknown);
        var issue = Assert.Single(refusal!["detail"]!.AsArray())!;
        Assert.Equal("""["body","products",0]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Product not found.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task A_code_is_unique_per_organization_ignoring_case()
    {
        await SendAsync(HttpMethod.Post, "/v1/discounts/", """{"type": "percentage", "name": "A", "code": "SPRING", "basis_points": 1000, "duration": "once"}""");

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/discounts/", """{"type": "percentage", "name": "B", "code": "spring", "basis_points": 500, "duration": "once"}""");

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","code"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Discount with this code already exists.", (string?)issue["msg"]);
        AssertWebhooks("discount.created");
    }

    [Fact]
    public async Task A_code_must_be_alphanumeric()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/discounts/", """{"type": "percentage", "name": "A", "code": "SPRING-25", "basis_points": 1000, "duration": "once"}""");

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","percentage","code"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Value error, Code must contain only alphanumeric characters.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task A_repeating_discount_needs_its_months_and_dates_must_be_in_order()
    {
        var (missing, missingBody) = await SendAsync(HttpMethod.Post, "/v1/discounts/", """{"type": "percentage", "name": "A", "basis_points": 1000, "duration": "repeating"}""");
        var (dates, datesBody) = await SendAsync(HttpMethod.Post, "/v1/discounts/", """
            {"type": "percentage", "name": "A", "basis_points": 1000, "duration": "once", "starts_at": "2026-12-01T00:00:00Z", "ends_at": "2026-11-01T00:00:00Z"}
            """);

        Assert.Equal(422, missing);
        Assert.Equal("""["body","percentage","duration_in_months"]""", missingBody!["detail"]![0]!["loc"]!.ToJsonString());
        Assert.Equal(422, dates);
        Assert.Equal("Value error, starts_at must be before ends_at", (string?)datesBody!["detail"]![0]!["msg"]);
    }
}
