using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PolarBilling.Client;
using PolarBilling.Emulator.Hosting;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator;

/// <summary>
/// A running Polar emulator: a stateful local Polar API on real Kestrel. Start one per test class (or per test; it
/// starts in milliseconds), point a <see cref="PolarClient"/> at <see cref="BaseUrl"/> with <see cref="AccessToken"/>,
/// and drive it through Polar's API and the control API under <c>/emulator/</c>.
/// </summary>
/// <example>
/// <code>
/// await using var polar = await PolarEmulator.StartAsync();
/// using var client = new PolarClient(polar.CreateClientOptions());
/// var product = await client.Products.CreateAsync(...);
/// </code>
/// </example>
public sealed partial class PolarEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PolarEmulator(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = app.Services.GetRequiredService<EmulatorState>();
    }

    /// <summary>The emulator's base URL, e.g. <c>http://127.0.0.1:53117/</c>; Polar's paths (<c>/v1/…</c>) and the control API (<c>/emulator/…</c>) hang off it.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The organization access token (<c>polar_oat_…</c>) the API accepts, with every scope.</summary>
    public string AccessToken => State.AccessToken;

    /// <summary>The id of the one organization the emulator serves.</summary>
    public string OrganizationId => State.Organization.Id;

    internal EmulatorState State { get; }

    internal IServiceProvider Services => _app.Services;

    /// <summary>Starts an emulator and returns once it accepts requests.</summary>
    /// <param name="options">How to run; <see langword="null"/> for a loopback emulator on a free port with Polar's defaults.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="IOException">The address is in use.</exception>
    public static async Task<PolarEmulator> StartAsync(PolarEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PolarEmulatorOptions();
        var app = EmulatorApplication.Build(options);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var emulator = new PolarEmulator(app, new Uri(address.TrimEnd('/') + "/"));
        emulator.State.BaseUrl = emulator.BaseUrl;
        emulator.State.StartUp();
        if (options.Banner is { } banner)
        {
            await EmulatorBanner.WriteAsync(banner, emulator).ConfigureAwait(false);
        }

        return emulator;
    }

    /// <summary>Client options pointing at this emulator with its token: <c>new PolarClient(emulator.CreateClientOptions())</c>.</summary>
    public PolarClientOptions CreateClientOptions() => new()
    {
        AccessToken = AccessToken,
        Server = BaseUrl.ToString(),
    };

    /// <summary>Forgets every object, event, webhook endpoint, delivery and fault rule, as <c>POST /emulator/reset</c> does.</summary>
    public void Reset()
    {
        lock (State.Gate)
        {
            State.Reset();
        }

        State.Webhooks.Faults?.Clear();
    }

    /// <summary>The whole state as JSON, as <c>GET /emulator/state</c> gives it.</summary>
    public byte[] ExportState()
    {
        lock (State.Gate)
        {
            return State.Export();
        }
    }

    /// <summary>Replaces the state with an export, as <c>PUT /emulator/state</c> does.</summary>
    /// <exception cref="System.Text.Json.JsonException">Not an export of this emulator; the state is unchanged.</exception>
    public void ImportState(ReadOnlySpan<byte> export)
    {
        var reader = new System.Text.Json.Utf8JsonReader(export);
        using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
        lock (State.Gate)
        {
            State.Import(document.RootElement);
        }
    }

    /// <summary>Stops the emulator: pending webhook deliveries are abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires or the host is told to stop (Ctrl+C when standalone).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);
}
