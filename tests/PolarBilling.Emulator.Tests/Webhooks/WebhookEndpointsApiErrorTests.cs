using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

public sealed class WebhookEndpointsApiErrorTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PATCH", "")]
    [InlineData("DELETE", "")]
    [InlineData("PATCH", "/secret")]
    public async Task An_unknown_endpoint_is_polars_404(string method, string suffix)
    {
        var (status, body) = await SendAsync(new HttpMethod(method), $"/v1/webhooks/endpoints/{Guid.NewGuid()}{suffix}", method == "PATCH" && suffix == "" ? "{}" : null);

        Assert.Equal(404, status);
        Assert.Equal("""{"error":"ResourceNotFound","detail":"Not found"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task An_id_that_is_not_a_uuid_is_a_422_on_the_path()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/webhooks/endpoints/not-a-uuid");

        Assert.Equal(422, status);
        var issue = body!["detail"]![0]!;
        Assert.Equal("uuid_parsing", issue["type"]!.GetValue<string>());
        Assert.Equal("""["path","id"]""", issue["loc"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"url": "https://a.example.com/h", "format": "raw", "events": [], "organization_id": "1dbfc517-0bbf-4301-9ba8-555ca42b9737"}""", "organization_token", "organization_id")]
    [InlineData("""{"url": "ftp://a.example.com/h", "format": "raw", "events": []}""", "url_scheme", "url")]
    [InlineData("""{"format": "raw", "events": []}""", "missing", "url")]
    [InlineData("""{"url": "https://a.example.com/h", "format": "email", "events": []}""", null, "format")]
    [InlineData("""{"url": "https://a.example.com/h", "format": "raw", "events": ["order.shipped"]}""", null, "events")]
    public async Task Creating_with_a_bad_body_is_a_422_naming_the_field(string json, string? type, string field)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/webhooks/endpoints", json);

        Assert.Equal(422, status);
        var issue = body!["detail"]![0]!;
        Assert.Equal(field, issue["loc"]![1]!.GetValue<string>());
        if (type is not null)
        {
            Assert.Equal(type, issue["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_read_only_token_can_list_but_not_create()
    {
        var token = (await (await Http.PostAsync("/emulator/access-tokens", new StringContent("""{"scopes": ["webhooks:read"]}"""), Ct)).Content.ReadAsStringAsync(Ct));
        var reader = CreateHttpClient(System.Text.Json.Nodes.JsonNode.Parse(token)!["token"]!.GetValue<string>());

        var (listed, _) = await SendAsync(HttpMethod.Get, "/v1/webhooks/endpoints", client: reader);
        var (created, body) = await SendAsync(HttpMethod.Post, "/v1/webhooks/endpoints", """{"url": "https://a.example.com/h", "format": "raw", "events": []}""", reader);

        Assert.Equal(200, listed);
        Assert.Equal(403, created);
        Assert.Equal("insufficient_scope", body!["error"]!.GetValue<string>());
    }
}
