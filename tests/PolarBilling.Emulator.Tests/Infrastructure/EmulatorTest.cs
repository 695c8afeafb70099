using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Contract;
using PolarBilling.Emulator.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Infrastructure;

/// <summary>
/// Base of every emulator test: a fresh emulator on a loopback port with a fake clock (frozen until the test moves
/// it), a <see cref="PolarClient"/> and a raw <see cref="HttpClient"/> pointed at it. Every JSON answer either
/// client gets is checked against the OpenAPI spec; a violation fails the test on dispose.
/// </summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private int _webhooksTaken;
    private readonly SpecCheckingHandler _spec = new(new SocketsHttpHandler());

    /// <summary>The emulator's clock: starts at 2026-11-02 09:00 UTC and moves only when the test says.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected PolarEmulator Emulator { get; private set; } = null!;

    /// <summary>The typed client, retries off so a test sees exactly one answer per call.</summary>
    protected PolarClient Polar { get; private set; } = null!;

    /// <summary>A raw client with the access token set, for exact status and body checks.</summary>
    protected HttpClient Http { get; private set; } = null!;

    /// <summary>Override to change the options before the emulator starts.</summary>
    protected virtual void Configure(PolarEmulatorOptions options)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        var options = new PolarEmulatorOptions { TimeProvider = Clock, RateLimitPerMinute = 0 };
        Configure(options);
        Emulator = await PolarEmulator.StartAsync(options, TestContext.Current.CancellationToken);
        Http = CreateHttpClient(Emulator.AccessToken);
        var clientOptions = Emulator.CreateClientOptions();
        clientOptions.MaxRetries = 0;
        Polar = new PolarClient(CreateHttpClient(token: null), clientOptions);
    }

    public virtual async ValueTask DisposeAsync()
    {
        Polar?.Dispose();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Emulator.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_spec.Violations.IsEmpty)
        {
            Assert.Fail($"{_spec.Violations.Count} emulator response(s) broke the Polar spec:\n{string.Join("\n", _spec.Violations)}");
        }
    }

    /// <summary>A raw client for the emulator; <paramref name="token"/> becomes the bearer token when given.</summary>
    protected HttpClient CreateHttpClient(string? token)
    {
        var client = new HttpClient(_spec, disposeHandler: false) { BaseAddress = Emulator.BaseUrl };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>Sends JSON and returns the status and parsed body (null when empty).</summary>
    protected async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await (client ?? Http).SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The webhook events the emulator emitted so far, oldest first: (type, payload JSON).</summary>
    protected IReadOnlyList<(string Type, string Payload)> EmittedWebhooks()
    {
        lock (Emulator.State.Gate)
        {
            return [.. Emulator.State.Webhooks.Emitted.Select(e => (e.Type, e.Payload))];
        }
    }

    /// <summary>
    /// The webhook events emitted since the previous call (or the start), oldest first, each checked against the
    /// spec's webhook schema and parsed with the client's parser. Assert on types and data from these.
    /// </summary>
    protected IReadOnlyList<PolarWebhookEvent> TakeWebhooks()
    {
        List<EmittedWebhook> taken;
        lock (Emulator.State.Gate)
        {
            taken = [.. Emulator.State.Webhooks.Emitted.Skip(_webhooksTaken)];
            _webhooksTaken += taken.Count;
        }

        foreach (var emitted in taken)
        {
            var result = PolarContract.ValidateWebhook(emitted.Type, emitted.Payload);
            Assert.True(result.IsValid, result.ToString());
        }

        return [.. taken.Select(e => WebhookEventParser.Parse(System.Text.Encoding.UTF8.GetBytes(e.Payload)))];
    }

    /// <summary>Asserts the types of the webhook events emitted since the previous take, in order, and returns them.</summary>
    protected IReadOnlyList<PolarWebhookEvent> AssertWebhooks(params string[] types)
    {
        var events = TakeWebhooks();
        Assert.Equal(types, events.Select(e => e.Type).ToArray());
        return events;
    }

    /// <summary>Reads a control API JSON answer.</summary>
    protected Task<JsonNode?> GetControlAsync(string path) => Http.GetFromJsonAsync<JsonNode>(path, TestContext.Current.CancellationToken);

    /// <summary>
    /// A webhook retry time scale for <see cref="PolarEmulatorOptions.WebhookRetryTimeScale"/> that turns Polar's ten
    /// attempts (about 34 minutes of backoff) into about a quarter of a second: set it in <see cref="Configure"/>.
    /// </summary>
    protected const double FastWebhookRetries = 0.0001;

    /// <summary>
    /// Creates a webhook endpoint pointing at <paramref name="path"/> on <paramref name="receiver"/> (as
    /// <c>POST /v1/webhooks/endpoints</c> would) and tells the receiver its secret, so every delivery is verified.
    /// </summary>
    /// <param name="receiver">Where deliveries go.</param>
    /// <param name="path">The receiver path, so several endpoints can share one receiver.</param>
    /// <param name="keyScheme">The secret's key scheme; <see langword="null"/> for the emulator's default (Standard).</param>
    /// <param name="events">The event types; none for every type.</param>
    protected EmulatorWebhookEndpoint AddWebhookEndpoint(WebhookReceiver receiver, string path = "hooks", WebhookKeyScheme? keyScheme = null, params string[] events)
    {
        var endpoint = Emulator.AddWebhookEndpoint(receiver.UrlFor(path), keyScheme, events.Length == 0 ? null : events);
        receiver.UseSecret(endpoint.Secret, path);
        return endpoint;
    }
}
