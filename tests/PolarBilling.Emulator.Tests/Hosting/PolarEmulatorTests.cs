using System.Net.Sockets;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Tests.Control;
using Xunit;

namespace PolarBilling.Emulator.Tests.Hosting;

/// <summary>The in-process handle tests use: <see cref="PolarEmulator.StartAsync"/> and what hangs off it.</summary>
public sealed class PolarEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_listens_on_a_free_loopback_port_with_a_Polar_style_token()
    {
        await using var emulator = await PolarEmulator.StartAsync(cancellationToken: Ct);

        Assert.Equal("127.0.0.1", emulator.BaseUrl.Host);
        Assert.NotEqual(0, emulator.BaseUrl.Port);
        Assert.EndsWith("/", emulator.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Matches("^polar_oat_[A-Za-z0-9]{43}$", emulator.AccessToken);
        Assert.True(Guid.TryParse(emulator.OrganizationId, out _));
    }

    [Fact]
    public async Task CreateClientOptions_points_the_client_at_the_emulator_with_its_token()
    {
        await using var emulator = await PolarEmulator.StartAsync(cancellationToken: Ct);

        var options = emulator.CreateClientOptions();

        Assert.Equal(emulator.AccessToken, options.AccessToken);
        Assert.Equal(emulator.BaseUrl, options.ResolveBaseAddress());
        Assert.Empty(options.Validate());
    }

    [Fact]
    public async Task A_configured_token_is_the_one_accepted()
    {
        var token = PolarTokens.Generate(PolarTokens.OrganizationAccessToken);
        await using var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { AccessToken = token }, Ct);

        Assert.Equal(token, emulator.AccessToken);
        Assert.NotNull(emulator.State.Tokens.Find(token));
    }

    [Fact]
    public async Task Two_emulators_share_nothing()
    {
        await using var first = await PolarEmulator.StartAsync(cancellationToken: Ct);
        await using var second = await PolarEmulator.StartAsync(cancellationToken: Ct);

        ControlTestData.AddCustomer(first, "ada@example.com");

        Assert.NotEqual(first.BaseUrl, second.BaseUrl);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.OrganizationId, second.OrganizationId);
        Assert.Equal(1, ControlTestData.CustomerCount(first));
        Assert.Equal(0, ControlTestData.CustomerCount(second));
    }

    [Fact]
    public async Task Reset_export_and_import_work_from_code_as_through_the_control_api()
    {
        await using var emulator = await PolarEmulator.StartAsync(cancellationToken: Ct);
        var customer = ControlTestData.AddCustomer(emulator, "ada@example.com");

        var export = emulator.ExportState();
        emulator.Reset();
        var afterReset = ControlTestData.CustomerCount(emulator);
        emulator.ImportState(export);

        Assert.Equal(0, afterReset);
        Assert.Equal(customer.Id, emulator.State.Customers.All.Single().Id);
        Assert.Throws<System.Text.Json.JsonException>(() => emulator.ImportState("""{"format": 2}"""u8));
        Assert.Equal(1, ControlTestData.CustomerCount(emulator));
    }

    [Fact]
    public async Task Start_up_webhook_urls_become_endpoints_with_their_own_secrets()
    {
        var options = new PolarEmulatorOptions { WebhookKeyScheme = WebhookKeyScheme.Legacy };
        options.WebhookUrls.Add("http://127.0.0.1:9/a");
        options.WebhookUrls.Add("http://127.0.0.1:9/b");
        await using var emulator = await PolarEmulator.StartAsync(options, Ct);

        var endpoints = emulator.StartUpWebhookEndpoints;

        Assert.Equal(["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"], endpoints.Select(e => e.Url));
        Assert.All(endpoints, e => Assert.StartsWith("whsec_", e.Secret, StringComparison.Ordinal));
        Assert.All(endpoints, e => Assert.Equal(WebhookKeyScheme.Legacy, e.KeyScheme));
        Assert.NotEqual(endpoints[0].Secret, endpoints[1].Secret);
    }

    [Fact]
    public async Task AddWebhookEndpoint_refuses_a_relative_url_and_unknown_event_types()
    {
        await using var emulator = await PolarEmulator.StartAsync(cancellationToken: Ct);

        var url = Assert.Throws<ArgumentException>(() => emulator.AddWebhookEndpoint("/hooks"));
        var events = Assert.Throws<ArgumentException>(() => emulator.AddWebhookEndpoint("http://127.0.0.1:9/", events: ["order.paid", "order.teleported"]));
        var added = emulator.AddWebhookEndpoint("http://127.0.0.1:9/", WebhookKeyScheme.Standard, ["order.paid"]);

        Assert.Equal("url", url.ParamName);
        Assert.Contains("order.teleported", events.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("order.paid,", events.Message, StringComparison.Ordinal);
        Assert.StartsWith("whsec_", added.Secret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_stops_listening()
    {
        var emulator = await PolarEmulator.StartAsync(cancellationToken: Ct);
        var port = emulator.BaseUrl.Port;

        await emulator.DisposeAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync("127.0.0.1", port, Ct));
    }
}
