using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pipeline;

/// <summary>
/// Bodies that break the operation's schema get Polar's 422: FastAPI's <c>RequestValidationError</c> with pydantic's
/// entries (type, loc, msg, input and ctx), checked before any handler runs. Expected entries were produced with
/// pydantic 2.13 on models shaped like Polar's (union member tags in <c>loc</c> aside, see RequestBodyIssues).
/// </summary>
public sealed class RequestBodyValidationTests : EmulatorTest
{
    public static TheoryData<string, string> ProductBodies => new()
    {
        // A required field missing: the whole object is the input.
        {
            """{"prices":[{"amount_type":"fixed","price_amount":500}]}""",
            """{"type":"missing","loc":["body","name"],"msg":"Field required","input":{"prices":[{"amount_type":"fixed","price_amount":500}]}}"""
        },
        { """{"name":5,"prices":[{"amount_type":"fixed","price_amount":500}]}""", """{"type":"string_type","loc":["body","name"],"msg":"Input should be a valid string","input":5}""" },
        // A nullable field with the wrong type: only the string error, as pydantic reports `str | None`.
        { """{"name":"Pro","description":5,"prices":[{"amount_type":"fixed","price_amount":500}]}""", """{"type":"string_type","loc":["body","description"],"msg":"Input should be a valid string","input":5}""" },
        {
            """{"name":"ab","prices":[{"amount_type":"fixed","price_amount":500}]}""",
            """{"type":"string_too_short","loc":["body","name"],"msg":"String should have at least 3 characters","input":"ab","ctx":{"min_length":3}}"""
        },
        {
            """{"name":"Pro","visibility":"secret","prices":[{"amount_type":"fixed","price_amount":500}]}""",
            """{"type":"enum","loc":["body","visibility"],"msg":"Input should be 'draft', 'private' or 'public'","input":"secret","ctx":{"expected":"'draft', 'private' or 'public'"}}"""
        },
        {
            """{"name":"Pro","prices":[]}""",
            """{"type":"too_short","loc":["body","prices"],"msg":"List should have at least 1 item after validation, not 0","input":[],"ctx":{"field_type":"List","min_length":1,"actual_length":0}}"""
        },
        {
            """{"name":"Pro","prices":[{"amount_type":"fixed"}]}""",
            """{"type":"missing","loc":["body","prices",0,"price_amount"],"msg":"Field required","input":{"amount_type":"fixed"}}"""
        },
        {
            """{"name":"Pro","prices":[{"amount_type":"fixed","price_amount":-1}]}""",
            """{"type":"greater_than_equal","loc":["body","prices",0,"price_amount"],"msg":"Input should be greater than or equal to 0","input":-1,"ctx":{"ge":0}}"""
        },
        {
            """{"name":"Pro","prices":[{"amount_type":"fixed","price_amount":"lots"}]}""",
            """{"type":"int_parsing","loc":["body","prices",0,"price_amount"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"lots"}"""
        },
        {
            """{"name":"Pro","prices":[{"amount_type":"fixed","price_amount":1.5}]}""",
            """{"type":"int_from_float","loc":["body","prices",0,"price_amount"],"msg":"Input should be a valid integer, got a number with a fractional part","input":1.5}"""
        },
        {
            """{"name":"Pro","prices":[{"amount_type":"bogus"}]}""",
            """{"type":"union_tag_invalid","loc":["body","prices",0],"msg":"Input tag 'bogus' found using 'amount_type' does not match any of the expected tags: 'fixed', 'custom', 'seat_based', 'metered_unit'","input":{"amount_type":"bogus"},"ctx":{"discriminator":"'amount_type'","tag":"bogus","expected_tags":"'fixed', 'custom', 'seat_based', 'metered_unit'"}}"""
        },
        {
            """{"name":"Pro","recurring_interval":"fortnight","prices":[{"amount_type":"fixed","price_amount":1}]}""",
            """{"type":"enum","loc":["body","recurring_interval"],"msg":"Input should be 'day', 'week', 'month' or 'year'","input":"fortnight","ctx":{"expected":"'day', 'week', 'month' or 'year'"}}"""
        },
    };

    [Theory]
    [MemberData(nameof(ProductBodies))]
    public async Task A_product_body_that_breaks_the_schema_gets_pydantics_entry(string body, string expected)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, "/v1/products/", body);

        Assert.Equal(422, status);
        Assert.Equal("RequestValidationError", (string?)answer!["error"]);
        Assert.Equal($"[{expected}]", Compact(answer["detail"]));
    }

    public static TheoryData<string, int, string> BrokenJson => new()
    {
        { "{\"name\": \"Pro\",", 15, "Expecting property name enclosed in double quotes" },
        { "{\"name\": \"Pro\"", 14, "Expecting ',' delimiter" },
        { "{\"name\" \"Pro\"}", 8, "Expecting ':' delimiter" },
        { "{\"a\": 1} x", 9, "Extra data" },
        { "{\"name\": \"Pro", 9, "Unterminated string starting at" },
        { "   ", 3, "Expecting value" },
    };

    [Theory]
    [MemberData(nameof(BrokenJson))]
    public async Task A_body_that_is_not_JSON_is_json_invalid_at_Pythons_position(string body, int position, string error)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, "/v1/products/", body);

        Assert.Equal(422, status);
        Assert.Equal("RequestValidationError", (string?)answer!["error"]);
        Assert.Equal(
            $$$"""[{"type":"json_invalid","loc":["body",{{{position}}}],"msg":"JSON decode error","input":{},"ctx":{"error":"{{{error}}}"}}]""",
            Compact(answer["detail"]));
    }

    [Fact]
    public async Task A_missing_required_body_is_missing_at_body()
    {
        using var response = await Http.PostAsync("/v1/products/", content: null, TestContext.Current.CancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("""[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]""", Compact(answer["detail"]));
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_model_type()
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, "/v1/products/", "[1, 2]");

        Assert.Equal(422, status);
        Assert.Equal("model_type", (string?)answer!["detail"]![0]!["type"]);
        Assert.Equal("""["body"]""", answer["detail"]![0]!["loc"]!.ToJsonString());
    }

    [Fact]
    public async Task A_bad_email_is_a_value_error_with_the_reason()
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, "/v1/customers/", """{"email": "not-an-email"}""");

        Assert.Equal(422, status);
        Assert.Equal(
            """[{"type":"value_error","loc":["body","email"],"msg":"value is not a valid email address: An email address must have an @-sign.","input":"not-an-email","ctx":{"reason":"An email address must have an @-sign."}}]""",
            Compact(answer!["detail"]));
    }

    [Fact]
    public async Task An_extra_field_where_the_schema_forbids_extras_is_extra_forbidden()
    {
        var (status, answer) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{Guid.NewGuid()}", """{"cancel_at_period_end": true, "foo": 1}""");

        Assert.Equal(422, status);
        Assert.Equal("""[{"type":"extra_forbidden","loc":["body","foo"],"msg":"Extra inputs are not permitted","input":1}]""", Compact(answer!["detail"]));
    }

    [Fact]
    public async Task A_string_where_a_boolean_belongs_is_bool_parsing()
    {
        var (status, answer) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{Guid.NewGuid()}", """{"cancel_at_period_end": "maybe"}""");

        Assert.Equal(422, status);
        Assert.Equal(
            """[{"type":"bool_parsing","loc":["body","cancel_at_period_end"],"msg":"Input should be a valid boolean, unable to interpret input","input":"maybe"}]""",
            Compact(answer!["detail"]));
    }

    /// <summary>The JSON as Polar writes it: quotes and apostrophes unescaped.</summary>
    private static string Compact(JsonNode? node) =>
        node!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
