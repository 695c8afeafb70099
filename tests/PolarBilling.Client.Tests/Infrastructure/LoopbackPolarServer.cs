// A real HTTP server on 127.0.0.1 that plays Polar from a script and records every request. Usage:
//
//     await using var server = await LoopbackPolarServer.StartAsync();
//     server.On("GET", "/v1/products/{id}").Always(LoopbackResponse.Json(200, SpecSamples.Product));
//     server.On("POST", "/v1/checkouts/")
//         .Once(LoopbackResponse.Json(503, """{"detail":"busy"}"""))    // first call
//         .Once(LoopbackResponse.Abort())                               // second: connection dropped
//         .Always(LoopbackResponse.Json(201, checkoutJson));            // then always
//     var client = server.CreateClient();                               // token polar_oat_test, 10 ms retry base
//
//     var product = await client.Products.GetAsync(SpecSamples.ProductId, ct);
//
//     Assert.Equal("Bearer polar_oat_test", server.Requests[0].Header("Authorization"));
//     server.AssertAllRequestsMatchSpec();                              // bodies and query names vs the spec
//
// Anything not scripted answers 404 {"detail":"Not Found"}, as Polar does for unknown routes.
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using PolarBilling.Emulator.Contract;

namespace PolarBilling.Client.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on <c>127.0.0.1</c> (a free port) that answers like Polar from a per-test script and records every
/// request (method, path, query, headers, raw body). Thread-safe. Dispose it to stop it; clients made by
/// <see cref="CreateClient"/> are disposed with it.
/// </summary>
internal sealed partial class LoopbackPolarServer : IAsyncDisposable
{
    /// <summary>The access token <see cref="CreateClient"/> configures.</summary>
    public const string AccessToken = "polar_oat_test";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<LoopbackRoute> _routes = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<PolarClient> _clients = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private LoopbackPolarServer(WebApplication app) => _app = app;

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234/</c>; use it as <see cref="PolarClientOptions.Server"/>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<LoopbackPolarServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var server = new LoopbackPolarServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = app.Urls.Single().TrimEnd('/') + "/";
        return server;
    }

    /// <summary>
    /// The script for <paramref name="method"/> on <paramref name="pathPattern"/> (<c>{name}</c> matches one segment;
    /// a trailing <c>/</c> matters). Asking again for the same pair returns the same route. When several routes
    /// match a request, the one with the most literal segments wins.
    /// </summary>
    public LoopbackRoute On(string method, string pathPattern)
    {
        var upper = method.ToUpperInvariant();
        var pattern = new PathTemplate(pathPattern);
        lock (_gate)
        {
            var route = _routes.Find(r => r.Method == upper && r.Pattern.Template == pattern.Template);
            if (route is null)
            {
                route = new LoopbackRoute(upper, pattern);
                _routes.Add(route);
            }

            return route;
        }
    }

    /// <summary>The requests that <paramref name="method"/> <paramref name="pathPattern"/> matches, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPattern)
    {
        var pattern = new PathTemplate(pathPattern);
        return [.. Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && pattern.Matches(r.Path))];
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> requests have arrived and returns them. Use it after a client-side
    /// timeout, where the call can fail before the server has even read the request.
    /// </summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/> (default 10 s).</exception>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var requests = Requests;
            if (requests.Count >= count)
            {
                return requests;
            }

            if (Stopwatch.GetElapsedTime(started) > (timeout ?? TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException($"Expected {count} request(s) at {BaseUrl}, got {requests.Count}: {string.Join(", ", requests)}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// A client pointed at this server: token <see cref="AccessToken"/>, retry base delay 10 ms, otherwise the defaults;
    /// <paramref name="configure"/> may change any option. Disposed with the server.
    /// </summary>
    public PolarClient CreateClient(Action<PolarClientOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new PolarClientOptions { AccessToken = AccessToken, Server = BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        var client = new PolarClient(options, timeProvider);
        lock (_gate)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>Stops the server (in-flight delayed answers are cut short) and disposes the clients it made.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        lock (_gate)
        {
            _clients.ForEach(c => c.Dispose());
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context.Request);
        var response = Match(request)?.Next(request) ?? LoopbackResponse.NotFound;
        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                await Task.Delay(response.Delay, linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout) or the server is stopping: nobody reads an answer now.
            context.Abort();
            return;
        }

        if (response.AbortConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(response.Body), context.RequestAborted);
        }
    }

    private LoopbackRoute? Match(RecordedRequest request)
    {
        lock (_gate)
        {
            return _routes
                .Where(r => r.Method == request.Method && r.Pattern.Matches(request.Path))
                .MaxBy(r => r.Pattern.LiteralSegments);
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpRequest http)
    {
        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body, http.HttpContext.RequestAborted);
        var query = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(http.QueryString.Value))
        {
            query.Add(new(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        var headers = http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(
            http.Method.ToUpperInvariant(), http.PathBase + http.Path, http.QueryString.Value ?? string.Empty, query, headers,
            body.ToArray(), Stopwatch.GetElapsedTime(_startedAt));
        lock (_gate)
        {
            _requests.Add(request);
        }

        return request;
    }
}
