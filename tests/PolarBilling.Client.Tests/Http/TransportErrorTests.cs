using System.Net;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Http;

/// <summary>Every error shape Polar sends (API-FACTS section 3) becomes the right exception, naming the call.</summary>
public sealed class TransportErrorTests
{
    private const string Secret = "polar_oat_S3cretTok3nThatMustNeverLeak0000000000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_404_ResourceNotFound_is_a_not_found_exception_naming_the_call()
    {
        var error = await FailingGet<PolarNotFoundException>(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));

        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFound", "Not found"), (error.StatusCode, error.Error, error.Detail));
        Assert.Equal("Polar found nothing for GET /v1/products/p1 (404 ResourceNotFound): Not found.", error.Message);
    }

    [Fact]
    public async Task FastAPIs_404_for_an_unknown_route_is_a_not_found_exception_without_an_error_name()
    {
        var error = await FailingGet<PolarNotFoundException>(LoopbackResponse.NotFound);

        Assert.Equal((null, "Not Found"), (error.Error, error.Detail));
        Assert.Equal("""{"detail":"Not Found"}""", error.ResponseBody);
        Assert.Contains("GET /v1/products/p1 (404)", error.Message);
    }

    [Fact]
    public async Task A_422_lists_each_field_error_with_location_type_message_and_input()
    {
        var body = """
            {"error":"PolarRequestValidationError","detail":[
              {"type":"value_error","loc":["body","email"],"msg":"A customer with this email address already exists.","input":"a@example.com"},
              {"type":"missing","loc":["body","products",0],"msg":"Field required","input":{"x":1}}]}
            """;

        var error = await FailingGet<PolarValidationException>(LoopbackResponse.Json(422, body));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "PolarRequestValidationError"), (error.StatusCode, error.Error));
        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(("value_error", "body.email", "\"a@example.com\""), (error.Errors[0].Type, error.Errors[0].Path, error.Errors[0].Input));
        Assert.Equal(["body", "products", "0"], error.Errors[1].Location);
        Assert.Equal("""{"x":1}""", error.Errors[1].Input);
        Assert.Equal(
            "Polar rejected GET /v1/products/p1 (422 PolarRequestValidationError): body.email: A customer with this email address already exists.; body.products.0: Field required.",
            error.Message);
    }

    [Fact]
    public async Task A_401_Unauthorized_says_which_setting_holds_the_token()
    {
        var error = await FailingGet<PolarAuthenticationException>(
            LoopbackResponse.Json(401, """{"error":"Unauthorized","detail":"Unauthorized"}""").WithHeader("WWW-Authenticate", "Bearer realm=\"polar\""));

        Assert.Equal((HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized"), (error.StatusCode, error.Error, error.Detail));
        Assert.Contains("GET /v1/products/p1 (401 Unauthorized)", error.Message);
        Assert.Contains("Polar:AccessToken (POLAR_ACCESS_TOKEN)", error.Message);
    }

    [Fact]
    public async Task A_401_invalid_token_reads_the_error_description()
    {
        var error = await FailingGet<PolarAuthenticationException>(LoopbackResponse.Json(401,
            """{"error":"invalid_token","error_description":"The access token provided is expired, revoked, malformed, or invalid for other reasons."}"""));

        Assert.Equal("invalid_token", error.Error);
        Assert.StartsWith("The access token provided is expired", error.Detail);
        Assert.Contains("(401 invalid_token): The access token provided is expired", error.Message);
    }

    [Theory]
    [InlineData("""{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token."}""", "insufficient_scope", "The request requires higher privileges")]
    [InlineData("""{"error":"NotPermitted","detail":"You're not permitted to do this."}""", "NotPermitted", "You're not permitted")]
    [InlineData("""{"error":"AlreadyCanceledSubscription","detail":"This subscription is already canceled or will be at the end of the period."}""", "AlreadyCanceledSubscription", "This subscription is already canceled")]
    public async Task A_403_is_a_permission_exception_with_Polars_reason(string body, string name, string detail)
    {
        var error = await FailingGet<PolarPermissionException>(LoopbackResponse.Json(403, body));

        Assert.Equal((HttpStatusCode.Forbidden, name), (error.StatusCode, error.Error));
        Assert.StartsWith(detail, error.Detail);
        Assert.StartsWith($"Polar did not permit GET /v1/products/p1 (403 {name}): {detail}", error.Message);
    }

    [Theory]
    [InlineData(410, """{"error":"ExpiredCheckoutError","detail":"This checkout session has expired."}""", "ExpiredCheckoutError")]
    [InlineData(412, """{"error":"OrderNotDraft","detail":"The order is not a draft."}""", "OrderNotDraft")]
    public async Task Other_4xx_errors_keep_status_error_name_and_detail(int status, string body, string name)
    {
        var error = await FailingGet<PolarApiException>(LoopbackResponse.Json(status, body));

        Assert.Equal(typeof(PolarApiException), error.GetType());
        Assert.Equal(((HttpStatusCode)status, name), (error.StatusCode, error.Error));
        Assert.StartsWith($"Polar answered {status} {name} to GET /v1/products/p1: ", error.Message);
        Assert.Equal(body, error.ResponseBody);
    }

    [Fact]
    public async Task A_402_is_a_payment_failure_that_says_nothing_changed()
    {
        const string body = """{"error":"PaymentFailed","detail":"Your card was declined."}""";

        var error = await FailingGet<PolarPaymentFailedException>(LoopbackResponse.Json(402, body));

        Assert.Equal((HttpStatusCode.PaymentRequired, "PaymentFailed", "Your card was declined."), (error.StatusCode, error.Error, error.Detail));
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_409_is_a_conflict_naming_Polars_reason()
    {
        const string body = """{"error":"SubscriptionLocked","detail":"Subscription is pending an update."}""";

        var error = await FailingGet<PolarConflictException>(LoopbackResponse.Json(409, body));

        Assert.Equal((HttpStatusCode.Conflict, "SubscriptionLocked"), (error.StatusCode, error.Error));
        Assert.StartsWith("Polar reported a conflict for GET /v1/products/p1 (409 SubscriptionLocked): Subscription is pending an update.", error.Message);
    }

    [Fact]
    public async Task A_429_with_an_empty_body_carries_Retry_After()
    {
        var error = await FailingGet<PolarRateLimitException>(LoopbackResponse.RateLimited(7), o => o.MaxRetries = 0);

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)), (error.StatusCode, error.RetryAfter));
        Assert.Equal(string.Empty, error.ResponseBody);
        Assert.StartsWith("Polar rate-limited GET /v1/products/p1 (429); it asked to wait 7 s.", error.Message);
    }

    [Fact]
    public async Task A_429_without_Retry_After_has_no_wait()
    {
        var error = await FailingGet<PolarRateLimitException>(LoopbackResponse.Empty(429), o => o.MaxRetries = 0);

        Assert.Null(error.RetryAfter);
        Assert.StartsWith("Polar rate-limited GET /v1/products/p1 (429). ", error.Message);
    }

    [Theory]
    [InlineData(500, """{"error":"InternalServerError","detail":"boom"}""", "application/json", "InternalServerError", "boom")]
    [InlineData(502, "<html><body>Bad gateway</body></html>", "text/html", null, "Bad Gateway")]
    [InlineData(503, "", "text/plain", null, "Service Unavailable")]
    public async Task A_5xx_is_a_server_exception_even_with_a_body_that_is_not_json(int status, string body, string contentType, string? name, string detail)
    {
        var answer = body.Length == 0 ? LoopbackResponse.Empty(status) : LoopbackResponse.Text(status, body, contentType);

        var error = await FailingGet<PolarServerException>(answer, o => o.MaxRetries = 0);

        Assert.Equal(((HttpStatusCode)status, name), (error.StatusCode, error.Error));
        Assert.Equal(body, error.ResponseBody);
        Assert.Equal($"Polar failed on GET /v1/products/p1 ({status}{(name is null ? "" : " " + name)}): {detail}.", error.Message);
    }

    [Fact]
    public async Task A_4xx_with_a_body_that_is_not_json_keeps_the_raw_body()
    {
        var error = await FailingGet<PolarApiException>(LoopbackResponse.Text(400, "<h1>Bad Request</h1>"));

        Assert.Equal((HttpStatusCode.BadRequest, null, null), (error.StatusCode, error.Error, error.Detail));
        Assert.Equal("<h1>Bad Request</h1>", error.ResponseBody);
        Assert.Equal("Polar answered 400 to GET /v1/products/p1: Bad Request.", error.Message);
    }

    [Fact]
    public async Task A_success_whose_body_is_not_the_expected_json_is_a_PolarException_naming_the_call()
    {
        var error = await FailingGet<PolarException>(LoopbackResponse.Text(200, "<html>maintenance</html>"));

        Assert.StartsWith("Polar's answer to GET /v1/products/p1 could not be read as Product", error.Message);
    }

    [Theory]
    [InlineData("401 invalid_token")]
    [InlineData("403 insufficient_scope")]
    [InlineData("404 ResourceNotFound")]
    [InlineData("422 list")]
    [InlineData("429 Retry-After 120")]
    [InlineData("500 json")]
    [InlineData("dropped connection")]
    [InlineData("no answer for 5 s")]
    [InlineData("200 not json")]
    public async Task The_access_token_never_appears_in_an_exception(string failure)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/{id}").Always(TransportFailures.Named(failure));
        var client = server.CreateClient(o =>
        {
            o.AccessToken = Secret;
            o.MaxRetries = 1;
            o.Timeout = failure == "no answer for 5 s" ? TimeSpan.FromSeconds(1) : o.Timeout;
        });

        var error = await Assert.ThrowsAnyAsync<PolarException>(() => client.Products.Transport.GetAsync<Product>("v1/products/p1", null, null, Ct));

        Assert.Equal("Bearer " + Secret, (await server.WaitForRequestsAsync(1))[0].Header("Authorization"));
        Assert.DoesNotContain("S3cretTok3n", error.ToString());
        Assert.DoesNotContain("S3cretTok3n", (error as PolarApiException)?.ResponseBody ?? string.Empty);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_exception_naming_the_host_and_call()
    {
        var server = await LoopbackPolarServer.StartAsync(Ct);
        using var client = new PolarClient(new PolarClientOptions
        {
            AccessToken = Secret, Server = server.BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });
        await server.DisposeAsync();

        var error = await Assert.ThrowsAsync<PolarConnectionException>(() => client.Products.Transport.GetAsync<Product>("v1/products/p1", null, null, Ct));

        Assert.StartsWith("Could not reach Polar at 127.0.0.1 for GET /v1/products/p1:", error.Message);
        Assert.DoesNotContain("S3cretTok3n", error.ToString());
    }

    private static async Task<TException> FailingGet<TException>(LoopbackResponse answer, Action<PolarClientOptions>? configure = null)
        where TException : Exception
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/{id}").Always(answer);
        var client = server.CreateClient(configure);

        return await Assert.ThrowsAnyAsync<TException>(() => client.Products.Transport.GetAsync<Product>("v1/products/p1", null, null, Ct));
    }
}
