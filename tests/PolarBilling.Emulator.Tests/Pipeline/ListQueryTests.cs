using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pipeline;

/// <summary>Paging and sorting of Polar's lists: <c>limit</c> clamped to 100, <c>max_page</c>, and 422s naming the query parameter.</summary>
public sealed class ListQueryTests : EmulatorTest
{
    [Fact]
    public async Task A_limit_above_100_is_clamped_and_max_page_follows_the_limit_used()
    {
        await CreateProductsAsync(105);

        var (_, clamped) = await SendAsync(HttpMethod.Get, "/v1/products/?limit=500");
        var (_, second) = await SendAsync(HttpMethod.Get, "/v1/products/?limit=100&page=2");
        var (_, small) = await SendAsync(HttpMethod.Get, "/v1/products/?limit=10&page=11");
        var (_, beyond) = await SendAsync(HttpMethod.Get, "/v1/products/?limit=10&page=12");

        Assert.Equal(100, clamped!["items"]!.AsArray().Count);
        Assert.Equal("""{"total_count":105,"max_page":2}""", clamped["pagination"]!.ToJsonString());
        Assert.Equal(5, second!["items"]!.AsArray().Count);
        Assert.Equal(5, small!["items"]!.AsArray().Count);
        Assert.Equal("""{"total_count":105,"max_page":11}""", small["pagination"]!.ToJsonString());
        Assert.Empty(beyond!["items"]!.AsArray());
    }

    [Fact]
    public async Task An_empty_list_has_max_page_0()
    {
        var (status, page) = await SendAsync(HttpMethod.Get, "/v1/products/");

        Assert.Equal(200, status);
        Assert.Equal("""{"items":[],"pagination":{"total_count":0,"max_page":0}}""", page!.ToJsonString());
    }

    [Theory]
    [InlineData("page", "abc", "int_parsing", "Input should be a valid integer, unable to parse string as an integer", null)]
    [InlineData("page", "1.5", "int_parsing", "Input should be a valid integer, unable to parse string as an integer", null)]
    [InlineData("page", "0", "greater_than", "Input should be greater than 0", """{"gt":0}""")]
    [InlineData("limit", "-3", "greater_than", "Input should be greater than 0", """{"gt":0}""")]
    [InlineData("limit", "ten", "int_parsing", "Input should be a valid integer, unable to parse string as an integer", null)]
    public async Task A_page_or_limit_that_is_not_a_positive_integer_is_422_at_the_query_parameter(string name, string value, string type, string message, string? context)
    {
        var (status, answer) = await SendAsync(HttpMethod.Get, $"/v1/products/?{name}={value}");

        Assert.Equal(422, status);
        Assert.Equal("RequestValidationError", (string?)answer!["error"]);
        var expected = new JsonObject { ["type"] = type, ["loc"] = new JsonArray("query", name), ["msg"] = message, ["input"] = value };
        if (context is not null)
        {
            expected["ctx"] = JsonNode.Parse(context);
        }

        Assert.Equal($"[{expected.ToJsonString()}]", answer["detail"]!.ToJsonString());
    }

    [Fact]
    public async Task Sorting_by_a_field_the_list_does_not_offer_is_422_enum_at_its_position()
    {
        var (status, answer) = await SendAsync(HttpMethod.Get, "/v1/products/?sorting=name&sorting=-colour");

        Assert.Equal(422, status);
        var issue = answer!["detail"]![0]!;
        Assert.Equal("enum", (string?)issue["type"]);
        Assert.Equal("""["query","sorting",1]""", issue["loc"]!.ToJsonString());
        Assert.Equal("-colour", (string?)issue["input"]);
        Assert.StartsWith("Input should be 'created_at', '-created_at', 'name', '-name'", (string?)issue["msg"], StringComparison.Ordinal);
        Assert.Equal((string?)issue["msg"], "Input should be " + (string?)issue["ctx"]!["expected"]);
        Assert.Contains(" or '-", (string?)issue["msg"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_applies_in_order_with_a_minus_for_descending()
    {
        await CreateProductsAsync(3);

        var (_, ascending) = await SendAsync(HttpMethod.Get, "/v1/products/?sorting=name");
        var (_, descending) = await SendAsync(HttpMethod.Get, "/v1/products/?sorting=-name");

        Assert.Equal(["Plan 000", "Plan 001", "Plan 002"], Names(ascending));
        Assert.Equal(["Plan 002", "Plan 001", "Plan 000"], Names(descending));
    }

    private static IEnumerable<string> Names(JsonNode? page) => page!["items"]!.AsArray().Select(p => (string)p!["name"]!);

    private async Task CreateProductsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (status, _) = await SendAsync(HttpMethod.Post, "/v1/products/",
                $$"""{"name": "Plan {{i:000}}", "prices": [{"amount_type": "fixed", "price_amount": 1000, "price_currency": "usd"}]}""");
            Assert.Equal(201, status);
        }
    }
}
