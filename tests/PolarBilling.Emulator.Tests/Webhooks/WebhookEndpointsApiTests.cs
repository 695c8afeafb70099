using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

public sealed class WebhookEndpointsApiTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_an_endpoint_generates_its_secret_and_enables_it()
    {
        var created = await Polar.Webhooks.CreateAsync(Create("https://app.example.com/api/webhooks/polar", "order.paid", "subscription.updated"), cancellationToken: Ct);
        var fetched = await Polar.Webhooks.GetAsync(created.Id, cancellationToken: Ct);

        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}$", created.Secret);
        Assert.True(created.Enabled);
        Assert.Equal("App", created.Name);
        Assert.Equal(WebhookFormat.Raw, created.Format);
        Assert.Equal(["order.paid", "subscription.updated"], created.Events.Select(e => e.Value));
        Assert.Equal(Emulator.OrganizationId, created.OrganizationId);
        Assert.Equal(Clock.GetUtcNow(), created.CreatedAt);
        Assert.Null(created.ModifiedAt);
        Assert.Equal(created.Secret, fetched.Secret);
    }

    [Fact]
    public async Task An_endpoint_created_through_the_api_gets_signed_deliveries_with_a_standard_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var created = await Polar.Webhooks.CreateAsync(Create(receiver.UrlFor("hooks"), WebhookEventTypes.CustomerCreated), cancellationToken: Ct);
        receiver.UseSecret(created.Secret);

        TestEvents.CustomerCreated(Emulator);
        var delivery = (await receiver.WaitForAsync(1)).Single();

        Assert.True(delivery.Verification!.IsValid, delivery.Verification.ToString());
        Assert.Equal(WebhookKeyScheme.Standard, delivery.Verification.MatchedKeyScheme);
    }

    [Fact]
    public async Task Endpoints_are_listed_newest_first_in_pages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Polar.Webhooks.CreateAsync(Create($"https://app.example.com/{i}", "order.paid"), cancellationToken: Ct)).Id);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var (status, first) = await SendAsync(HttpMethod.Get, "/v1/webhooks/endpoints?limit=2");
        var second = await Polar.Webhooks.ListAsync(new() { Limit = 2, Page = 2 }, cancellationToken: Ct);

        Assert.Equal(200, status);
        Assert.Equal([ids[2], ids[1]], first!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(3, first["pagination"]!["total_count"]!.GetValue<int>());
        Assert.Equal(2, first["pagination"]!["max_page"]!.GetValue<int>());
        Assert.Equal([ids[0]], second.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Updating_changes_only_the_fields_sent()
    {
        var created = await Polar.Webhooks.CreateAsync(Create("https://app.example.com/hooks", "order.paid"), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, renamed) = await SendAsync(HttpMethod.Patch, $"/v1/webhooks/endpoints/{created.Id}", """{"name": "Renamed", "url": null, "events": ["customer.created", "customer.updated"]}""");
        var disabled = await Polar.Webhooks.UpdateAsync(created.Id, new() { Enabled = false, Url = "https://other.example.com/hooks", Format = WebhookFormat.Slack }, cancellationToken: Ct);

        Assert.Equal(200, status);
        Assert.Equal("Renamed", renamed!["name"]!.GetValue<string>());
        Assert.Equal("https://app.example.com/hooks", renamed["url"]!.GetValue<string>());
        Assert.Equal(Clock.GetUtcNow(), DateTimeOffset.Parse(renamed["modified_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(disabled.Enabled);
        Assert.Equal("https://other.example.com/hooks", disabled.Url);
        Assert.Equal(WebhookFormat.Slack, disabled.Format);
        Assert.Equal(["customer.created", "customer.updated"], disabled.Events.Select(e => e.Value));
        Assert.Equal(created.Secret, disabled.Secret);
    }

    [Fact]
    public async Task Deleting_an_endpoint_answers_204_and_it_is_gone()
    {
        var created = await Polar.Webhooks.CreateAsync(Create("https://app.example.com/hooks", "order.paid"), cancellationToken: Ct);

        var (deleted, body) = await SendAsync(HttpMethod.Delete, $"/v1/webhooks/endpoints/{created.Id}");
        var (again, _) = await SendAsync(HttpMethod.Delete, $"/v1/webhooks/endpoints/{created.Id}");
        var list = await Polar.Webhooks.ListAsync(cancellationToken: Ct);

        Assert.Equal(204, deleted);
        Assert.Null(body);
        Assert.Equal(404, again);
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Resetting_the_secret_signs_the_next_deliveries_with_the_new_one_only()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);

        var rotated = await Polar.Webhooks.RotateSecretAsync(endpoint.Id, cancellationToken: Ct);
        TestEvents.CustomerCreated(Emulator);
        var delivery = (await receiver.WaitForAsync(1)).Single();

        Assert.NotEqual(endpoint.Secret, rotated.Secret);
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}$", rotated.Secret);
        Assert.False(delivery.Verification!.IsValid);
        Assert.True(new WebhookVerifier(rotated.Secret).Verify(delivery.Body, name => delivery.Headers.GetValueOrDefault(name)).IsValid);
    }

    private static WebhookEndpointCreate Create(string url, params string[] events) => new()
    {
        Url = url,
        Name = "App",
        Format = WebhookFormat.Raw,
        Events = [.. events.Select(e => new WebhookEventType(e))],
    };
}
