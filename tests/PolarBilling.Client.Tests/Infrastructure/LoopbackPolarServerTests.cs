using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;
using Xunit.Sdk;

namespace PolarBilling.Client.Tests.Infrastructure;

public sealed class LoopbackPolarServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_listens_on_a_free_loopback_port_and_answers_unscripted_routes_like_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.BaseUrl + "v1/nowhere/"), Ct);

        var url = new Uri(server.BaseUrl);
        Assert.Equal(("127.0.0.1", true, "/"), (url.Host, url.Port > 0, url.AbsolutePath));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task It_records_method_path_query_headers_and_raw_body()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "v1/checkouts/?sorting=-created_at&sorting=name&metadata%5Bplan%5D=pro")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"products":["a"]}""")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Polar-Version", "2026-10");

        using var _ = await http.SendAsync(request, Ct);

        var recorded = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/checkouts/"), (recorded.Method, recorded.Path));
        Assert.Equal(["-created_at", "name"], recorded.QueryValues("sorting"));
        Assert.Equal(["pro"], recorded.QueryValues("metadata[plan]"));
        Assert.Equal("2026-10", recorded.Header("polar-version"));
        Assert.Equal("""{"products":["a"]}""", recorded.BodyText);
        Assert.Null(recorded.Header("Authorization"));
    }

    [Fact]
    public async Task Once_answers_are_used_in_order_then_the_standing_answer_then_404()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var route = server.On("GET", "/v1/products/{id}")
            .Once(LoopbackResponse.Json(500, "{}"))
            .Once(LoopbackResponse.RateLimited(7));
        using var http = new HttpClient();
        var url = server.BaseUrl + "v1/products/" + SpecSamples.ProductId;

        var first = await http.GetAsync(new Uri(url), Ct);
        var second = await http.GetAsync(new Uri(url), Ct);
        var third = await http.GetAsync(new Uri(url), Ct);
        server.On("get", "/v1/products/{id}").Always(LoopbackResponse.Json(200, SpecSamples.Product));
        var fourth = await http.GetAsync(new Uri(url), Ct);

        Assert.Equal([500, 429, 404, 200], new[] { first, second, third, fourth }.Select(r => (int)r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(7), second.Headers.RetryAfter?.Delta);
        Assert.Equal(string.Empty, await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(4, route.Hits);
    }

    [Fact]
    public async Task The_route_with_more_literal_segments_wins_and_answers_can_depend_on_the_request()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/{id}").Always(LoopbackResponse.Json(200, """{"by":"id"}"""));
        server.On("GET", "/v1/customers/external/{external_id}").Always(r => LoopbackResponse.Json(200, $$"""{"by":"{{r.Path.Split('/')[^1]}}"}"""));
        using var http = new HttpClient();

        Assert.Equal("""{"by":"user-1"}""", await http.GetStringAsync(new Uri(server.BaseUrl + "v1/customers/external/user-1"), Ct));
        Assert.Equal("""{"by":"id"}""", await http.GetStringAsync(new Uri(server.BaseUrl + "v1/customers/c1"), Ct));
        Assert.Single(server.RequestsTo("GET", "/v1/customers/external/{external_id}"));
    }

    [Fact]
    public async Task A_delayed_answer_arrives_after_the_delay()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(LoopbackResponse.Json(200, "{}").After(TimeSpan.FromMilliseconds(300)));
        using var http = new HttpClient();
        var started = Stopwatch.GetTimestamp();

        using var response = await http.GetAsync(new Uri(server.BaseUrl + "v1/products/"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Timers may fire a millisecond or so early; an undelayed answer takes a few milliseconds.
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(280), $"answered after {Stopwatch.GetElapsedTime(started).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task An_aborted_answer_drops_the_connection()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Once(LoopbackResponse.Abort());
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.BaseUrl + "v1/products/"), Ct));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task WaitForRequestsAsync_returns_once_enough_requests_arrived_and_times_out_otherwise()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        using var http = new HttpClient();
        var waiting = server.WaitForRequestsAsync(2);

        await http.GetAsync(new Uri(server.BaseUrl + "v1/a/"), Ct);
        await http.GetAsync(new Uri(server.BaseUrl + "v1/b/"), Ct);

        Assert.Equal(["/v1/a/", "/v1/b/"], (await waiting).Select(r => r.Path));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForRequestsAsync(3, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("Expected 3 request(s)", error.Message);
    }

    [Fact]
    public async Task CreateClient_points_a_PolarClient_at_the_server()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);

        var client = server.CreateClient(o => o.ApiVersion = "2026-04");

        Assert.Equal(new Uri(server.BaseUrl), client.BaseAddress);
    }

    [Fact]
    public async Task Requests_that_match_the_spec_pass_the_spec_check()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        using var http = new HttpClient();

        await http.GetAsync(new Uri(server.BaseUrl + "v1/products/?page=2&limit=10&sorting=-created_at&metadata%5Bplan%5D=pro"), Ct);
        await http.PostAsync(new Uri(server.BaseUrl + "v1/checkouts/"), Json("""{"products":["3f1b6a52-7d7c-4c1e-9a8e-2b1f3f1e8c11"]}"""), Ct);

        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task The_spec_check_names_each_bad_request_and_why()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        using var http = new HttpClient();

        await http.GetAsync(new Uri(server.BaseUrl + "v1/products"), Ct);
        await http.GetAsync(new Uri(server.BaseUrl + "v1/products/?sort=name"), Ct);
        await http.PostAsync(new Uri(server.BaseUrl + "v1/checkouts/"), Json("""{"products":"one"}"""), Ct);
        await http.PostAsync(new Uri(server.BaseUrl + "v1/checkouts/"), new StringContent("""{"products":[]}""", Encoding.UTF8, "text/plain"), Ct);

        var failure = Assert.Throws<FailException>(server.AssertAllRequestsMatchSpec);

        Assert.Contains("Request #1 GET /v1/products: The spec has no operation GET /v1/products. Did you mean /v1/products/?", failure.Message);
        Assert.Contains("Request #2 GET /v1/products/?sort=name: query parameter 'sort' is not declared", failure.Message);
        Assert.Contains("Request #3 POST /v1/checkouts/: request body of POST /v1/checkouts/ (checkouts:create) does not match", failure.Message);
        Assert.Contains("/products = \"one\": type:", failure.Message);
        Assert.Contains("Request #4 POST /v1/checkouts/: the body was sent as 'text/plain; charset=utf-8'", failure.Message);
    }

    [Fact]
    public async Task Disposing_stops_the_server_even_with_an_answer_still_delayed()
    {
        var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(LoopbackResponse.Json(200, "{}").After(TimeSpan.FromMinutes(5)));
        using var http = new HttpClient();
        var pending = http.GetAsync(new Uri(server.BaseUrl + "v1/products/"), Ct);
        await server.WaitForRequestsAsync(1);

        var started = Stopwatch.GetTimestamp();
        await server.DisposeAsync();

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.BaseUrl + "v1/products/"), Ct));
    }

    private static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
