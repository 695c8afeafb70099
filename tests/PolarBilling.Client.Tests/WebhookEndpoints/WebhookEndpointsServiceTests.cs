using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Tests.Subscriptions;
using PolarBilling.Client.Tests.Conformance;
using Xunit;

namespace PolarBilling.Client.Tests.WebhookEndpoints;

/// <summary>Webhook endpoint management over real HTTP: paths without trailing slashes, bodies as the spec defines them.</summary>
public sealed class WebhookEndpointsServiceTests
{
    private const string Id = WebhookEndpointFixtures.EndpointId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_reads_a_page_filtered_by_organization()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/webhooks/endpoints").Always(LoopbackResponse.Json(200, WebhookEndpointFixtures.Page([WebhookEndpointFixtures.Raw], 1, 1)));
        var client = server.CreateClient();

        var page = await client.Webhooks.ListAsync(
            new WebhookEndpointListOptions { Page = 1, Limit = 20, OrganizationId = ["0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10"] }, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/webhooks/endpoints"), (request.Method, request.Path));
        Assert.Equal([new("page", "1"), new("limit", "20"), new("organization_id", "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10")], request.Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(Id, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Auto_paging_reads_every_endpoint()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/webhooks/endpoints").Always(r => LoopbackResponse.Json(200, r.QueryValues("page").Single() == "1"
            ? WebhookEndpointFixtures.Page([WebhookEndpointFixtures.Raw], 2, 2)
            : WebhookEndpointFixtures.Page([WebhookEndpointFixtures.DisabledDiscord], 2, 2)));
        var client = server.CreateClient();

        var enabled = new List<bool>();
        await foreach (var endpoint in client.Webhooks.ListAutoPagingAsync(new WebhookEndpointListOptions { Limit = 1 }, cancellationToken: Ct))
        {
            enabled.Add(endpoint.Enabled);
        }

        Assert.Equal([true, false], enabled);
        Assert.Equal(2, server.Requests.Count);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Get_reads_one_endpoint_with_its_secret()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", WebhookEndpointFixtures.EndpointPath).Always(LoopbackResponse.Json(200, WebhookEndpointFixtures.Raw));
        var client = server.CreateClient();

        var endpoint = await client.Webhooks.GetAsync(Id, cancellationToken: Ct);

        Assert.Equal(("GET", "/v1/webhooks/endpoints/" + Id), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal("https://app.example.com/api/webhooks/polar", endpoint.Url);
    }

    [Fact]
    public async Task Create_posts_url_format_events_and_name()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/webhooks/endpoints").Always(LoopbackResponse.Json(201, WebhookEndpointFixtures.Raw));
        var client = server.CreateClient();

        var endpoint = await client.Webhooks.CreateAsync(
            new WebhookEndpointCreate
            {
                Url = "https://app.example.com/api/webhooks/polar",
                Name = "Production app",
                Format = WebhookFormat.Raw,
                Events = [WebhookEventType.SubscriptionUpdated, WebhookEventType.OrderPaid],
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/webhooks/endpoints"), (request.Method, request.Path));
        ExactJson.Equal(
            """{"url":"https://app.example.com/api/webhooks/polar","name":"Production app","format":"raw","events":["subscription.updated","order.paid"]}""",
            request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((Id, true), (endpoint.Id, endpoint.Enabled));
    }

    [Fact]
    public async Task Update_patches_only_the_fields_set()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", WebhookEndpointFixtures.EndpointPath).Always(LoopbackResponse.Json(200, WebhookEndpointFixtures.Raw));
        var client = server.CreateClient();

        await client.Webhooks.UpdateAsync(
            Id, new WebhookEndpointUpdate { Events = [WebhookEventType.OrderPaid, WebhookEventType.OrderRefunded], Name = "Prod" }, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", "/v1/webhooks/endpoints/" + Id), (request.Method, request.Path));
        ExactJson.Equal("""{"name":"Prod","events":["order.paid","order.refunded"]}""", request.BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Enable_turns_a_disabled_endpoint_back_on()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", WebhookEndpointFixtures.EndpointPath).Always(LoopbackResponse.Json(200, WebhookEndpointFixtures.Raw));
        var client = server.CreateClient();

        var endpoint = await client.Webhooks.EnableAsync(Id, cancellationToken: Ct);

        ExactJson.Equal("""{"enabled":true}""", Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.True(endpoint.Enabled);
    }

    [Fact]
    public async Task Delete_sends_a_delete_and_accepts_the_204()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", WebhookEndpointFixtures.EndpointPath).Always(LoopbackResponse.Empty(204));
        var client = server.CreateClient();

        await client.Webhooks.DeleteAsync(Id, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("DELETE", "/v1/webhooks/endpoints/" + Id), (request.Method, request.Path));
        Assert.Null(request.BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Rotate_secret_patches_the_secret_path_without_a_body_and_returns_the_new_secret()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/webhooks/endpoints/{id}/secret").Always(LoopbackResponse.Json(200, WebhookEndpointFixtures.Raw));
        var client = server.CreateClient();

        var endpoint = await client.Webhooks.RotateSecretAsync(Id, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", $"/v1/webhooks/endpoints/{Id}/secret"), (request.Method, request.Path));
        Assert.Null(request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal("polar_whs_Q7mZ2vK9xR4tL8wB1nY6pJ3dF0hG5cS2aE7uV9kX4m", endpoint.Secret);
    }

    [Fact]
    public async Task Management_calls_are_retried_after_a_5xx()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/webhooks/endpoints/{id}/secret").Once(LoopbackResponse.Empty(502)).Always(LoopbackResponse.Json(200, WebhookEndpointFixtures.Raw));
        var client = server.CreateClient();

        await client.Webhooks.RotateSecretAsync(Id, cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Missing_ids_throw_before_any_request()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var webhooks = server.CreateClient().Webhooks;

        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => webhooks.GetAsync("", cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => webhooks.DeleteAsync(" ", cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => webhooks.RotateSecretAsync(null!, cancellationToken: Ct))).ParamName);
        Assert.Equal("eventId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => webhooks.RedeliverAsync("", cancellationToken: Ct))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => webhooks.CreateAsync(null!, cancellationToken: Ct))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => webhooks.UpdateAsync(Id, null!, cancellationToken: Ct))).ParamName);
        Assert.Empty(server.Requests);
    }
}
