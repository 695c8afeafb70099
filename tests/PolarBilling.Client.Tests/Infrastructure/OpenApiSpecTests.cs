using Xunit;
using Xunit.Sdk;

using PolarBilling.Emulator.Contract;

namespace PolarBilling.Client.Tests.Infrastructure;

public sealed class OpenApiSpecTests
{
    [Fact]
    public void A_complete_product_is_valid()
    {
        var result = OpenApiSpec.Validate("Product", SpecSamples.Product);

        Assert.True(result.IsValid, result.ToString());
        OpenApiSpec.AssertValid("Product", SpecSamples.Product);
    }

    [Fact]
    public void A_product_missing_meter_interval_is_rejected_with_the_missing_key_named_first()
    {
        var json = SpecSamples.ProductWith(p => p.Remove("meter_interval"));

        var result = OpenApiSpec.Validate("Product", json);

        Assert.False(result.IsValid);
        var first = result.Errors[0];
        Assert.Equal(("", "required", SpecErrorKind.Direct), (first.InstanceLocation, first.Keyword, first.Kind));
        Assert.Contains("meter_interval", first.Message);
        var failure = Assert.Throws<FailException>(() => OpenApiSpec.AssertValid("Product", json));
        Assert.Contains("schema Product does not match the Polar spec", failure.Message);
        Assert.Contains("(root): required:", failure.Message);
    }

    [Fact]
    public void A_null_left_out_by_a_serializer_that_omits_nulls_is_caught()
    {
        // Polar always sends nullable keys; a model that drops them would not round-trip.
        var json = SpecSamples.ProductWith(p => p.Remove("description"));

        Assert.Contains(OpenApiSpec.Validate("Product", json).Errors, e => e.Keyword == "required" && e.Message.Contains("description"));
    }

    [Fact]
    public void A_wrong_type_outside_any_branch_is_a_direct_type_error_with_the_value()
    {
        var json = SpecSamples.ProductWith(p => p["is_archived"] = "no");

        var error = Assert.Single(OpenApiSpec.Validate("Product", json).Errors);

        Assert.Equal(("/is_archived", "type", SpecErrorKind.Direct, "\"no\""), (error.InstanceLocation, error.Keyword, error.Kind, error.Value));
    }

    [Fact]
    public void A_bad_enum_in_a_nullable_field_is_the_likely_cause_and_the_null_branch_is_noise()
    {
        var json = SpecSamples.ProductWith(p => p["trial_interval"] = "fortnight");

        var result = OpenApiSpec.Validate("Product", json);

        Assert.Equal(SpecErrorKind.LikelyBranch, result.Errors[0].Kind);
        Assert.Equal("enum", result.Errors[0].Keyword);
        Assert.Contains(result.Errors, e => e.Kind == SpecErrorKind.OtherBranch && e.Message.Contains("null"));
        Assert.True(result.ToString().IndexOf("likely cause", StringComparison.Ordinal) < result.ToString().IndexOf("usually noise", StringComparison.Ordinal));
    }

    [Fact]
    public void In_a_price_union_the_branch_whose_discriminator_fits_is_listed_before_the_others()
    {
        var json = SpecSamples.ProductWith(p => p["prices"]![0]!["price_amount"] = "15");

        var result = OpenApiSpec.Validate("Product", json);

        var likely = Assert.Single(result.Errors, e => e.Kind == SpecErrorKind.LikelyBranch);
        Assert.Equal(("/prices/0/price_amount", "type"), (likely.InstanceLocation, likely.Keyword));
        Assert.StartsWith("ProductPriceFixed/", likely.SchemaLocation, StringComparison.Ordinal);
        Assert.Contains(result.Errors, e => e.Kind == SpecErrorKind.OtherBranch && e.Keyword == "const");
    }

    [Fact]
    public void In_a_request_union_branches_that_forbid_a_sent_key_are_noise()
    {
        var result = OpenApiSpec.ValidateRequest("PATCH", "/v1/subscriptions/3f1b6a52-7d7c-4c1e-9a8e-2b1f3f1e8c11", """{"cancel_at_period_end":"yes"}""");

        var likely = Assert.Single(result.Errors, e => e.Kind != SpecErrorKind.OtherBranch);
        Assert.Equal(("/cancel_at_period_end", "type", "\"yes\""), (likely.InstanceLocation, likely.Keyword, likely.Value));
        Assert.Contains(result.Errors, e => e.Keyword == "additionalProperties" && e.Kind == SpecErrorKind.OtherBranch);
    }

    [Fact]
    public void An_unknown_schema_name_says_so_and_suggests_similar_names()
    {
        var result = OpenApiSpec.Validate("product", "{}");

        Assert.False(result.IsValid);
        Assert.Contains("no component schema 'product'", result.Errors[0].Message);
        Assert.Contains("ProductCreate", result.Errors[0].Message);
    }

    [Fact]
    public void Text_that_is_not_json_is_reported_not_thrown()
    {
        var result = OpenApiSpec.Validate("Product", "<html>");

        Assert.StartsWith("Not JSON", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("PATCH", "/v1/subscriptions/3f1b6a52-7d7c-4c1e-9a8e-2b1f3f1e8c11", "/v1/subscriptions/{id}")]
    [InlineData("GET", "v1/subscriptions/export", "/v1/subscriptions/export")]
    [InlineData("GET", "/v1/products/?page=2&limit=10", "/v1/products/")]
    [InlineData("get", "/v1/customers/external/user-42", "/v1/customers/external/{external_id}")]
    public void Operations_are_found_by_method_and_concrete_path_preferring_literal_segments(string method, string path, string template)
    {
        var operation = OpenApiSpec.FindOperation(method, path);

        Assert.NotNull(operation);
        Assert.Equal(template, operation.Path.Template);
    }

    [Fact]
    public void A_missing_trailing_slash_finds_no_operation_and_the_report_suggests_it()
    {
        Assert.Null(OpenApiSpec.FindOperation("GET", "/v1/products"));

        var result = OpenApiSpec.ValidateResponse("GET", "/v1/products", 200, "{}");

        Assert.Contains("Did you mean /v1/products/?", result.Errors[0].Message);
    }

    [Fact]
    public void A_request_body_is_validated_against_the_operation_schema()
    {
        OpenApiSpec.AssertRequestValid("POST", "/v1/checkouts/", """{"products":["3f1b6a52-7d7c-4c1e-9a8e-2b1f3f1e8c11"]}""");
        OpenApiSpec.AssertRequestValid("PATCH", "/v1/subscriptions/3f1b6a52-7d7c-4c1e-9a8e-2b1f3f1e8c11", """{"cancel_at_period_end":true}""");

        Assert.False(OpenApiSpec.ValidateRequest("POST", "/v1/checkouts/", """{"products":"3f1b6a52"}""").IsValid);
        Assert.False(OpenApiSpec.ValidateRequest("POST", "/v1/checkouts/", """{"success_url":"https://example.com"}""").IsValid);
    }

    [Fact]
    public void A_required_body_that_is_missing_or_a_body_where_none_is_taken_is_reported()
    {
        Assert.Contains("requires a JSON body", OpenApiSpec.ValidateRequest("POST", "/v1/checkouts/", null).Errors[0].Message);
        Assert.Contains("takes no request body", OpenApiSpec.ValidateRequest("GET", "/v1/products/", "{}").Errors[0].Message);
        Assert.True(OpenApiSpec.ValidateRequest("GET", "/v1/products/", null).IsValid);
    }

    [Fact]
    public void A_response_body_is_validated_against_the_schema_for_its_status()
    {
        OpenApiSpec.AssertResponseValid("GET", $"/v1/products/{SpecSamples.ProductId}", 200, SpecSamples.Product);
        OpenApiSpec.AssertResponseValid("GET", "/v1/products/", 200, SpecSamples.ProductPage(2, 12, 6));
        OpenApiSpec.AssertResponseValid("GET", $"/v1/products/{SpecSamples.ProductId}", 404, """{"error":"ResourceNotFound","detail":"Not found"}""");

        Assert.False(OpenApiSpec.ValidateResponse("GET", "/v1/products/", 200, """{"items":[]}""").IsValid);
        Assert.Contains("documents no JSON response for 418", OpenApiSpec.ValidateResponse("GET", "/v1/products/", 418, "{}").Errors[0].Message);
    }

    [Fact]
    public void A_webhook_payload_is_validated_against_its_event_schema()
    {
        var payload = $$"""{"type":"product.created","timestamp":"2026-01-01T00:00:00.000000Z","data":{{SpecSamples.Product}}}""";
        OpenApiSpec.AssertWebhookValid("product.created", payload);

        var wrongType = OpenApiSpec.ValidateWebhook("product.updated", payload);
        Assert.Contains(wrongType.Errors, e => e.InstanceLocation == "/type" && e.Keyword == "const");

        var noData = OpenApiSpec.ValidateWebhook("product.created", """{"type":"product.created","timestamp":"2026-01-01T00:00:00Z"}""");
        Assert.Contains("data", noData.Errors[0].Message);

        Assert.Contains("no webhook 'invoice.paid'", OpenApiSpec.ValidateWebhook("invoice.paid", "{}").Errors[0].Message);
    }

    [Fact]
    public async Task Validation_is_safe_from_parallel_tests()
    {
        var json = SpecSamples.ProductWith(p => p.Remove("meter_interval"));

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            i % 2 == 0 ? OpenApiSpec.Validate("Product", SpecSamples.Product) : OpenApiSpec.Validate("Product", json))));

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.True(r.IsValid));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal("required", r.Errors[0].Keyword));
    }
}
