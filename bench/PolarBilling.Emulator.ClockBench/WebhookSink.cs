using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.ClockBench;

/// <summary>A local webhook receiver on Kestrel: verifies every delivery's signature and counts distinct event ids.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
    private WebhookVerifier? _verifier;
    private int _invalid;

    private WebhookSink(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public int Received => _ids.Count;

    public int Invalid => Volatile.Read(ref _invalid);

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new WebhookSink(app);
        app.MapPost("/hooks", sink.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.Url = address.TrimEnd('/') + "/hooks";
        return sink;
    }

    public void UseSecret(string secret) => _verifier = new WebhookVerifier(secret);

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 0, 1 << 20));
        await context.Request.Body.CopyToAsync(buffer);
        var headers = context.Request.Headers;
        var result = _verifier!.Verify(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"]);
        if (!result.IsValid)
        {
            Interlocked.Increment(ref _invalid);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        _ids.TryAdd(headers["webhook-id"].ToString(), 0);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
