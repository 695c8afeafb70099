using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolarBilling.AspNetCore.Tests.Usage;

/// <summary>A Kestrel app on a free loopback port that keeps every POST it receives (body and headers) and answers 204.</summary>
internal sealed class WebhookTestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookTestReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>Answer 500 to this many first deliveries (to see the retry keep its webhook-id).</summary>
    public int FailFirst { get; set; }

    public static async Task<WebhookTestReceiver> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookTestReceiver(app, new Uri($"http://127.0.0.1:{port}/hooks/usage"));
        var calls = 0;
        app.MapPost("/hooks/usage", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Deliveries.Enqueue(new Delivery(body, request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(), request.Headers["webhook-signature"].ToString()));
            return Interlocked.Increment(ref calls) <= receiver.FailFirst ? Results.StatusCode(500) : Results.NoContent();
        });
        await app.StartAsync(Xunit.TestContext.Current.CancellationToken);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Delivery(string Body, string Id, string Timestamp, string Signature);
}
