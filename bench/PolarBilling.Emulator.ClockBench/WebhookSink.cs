using System.Buffers;
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
    private long _bytes;

    private WebhookSink(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public int Received => _ids.Count;

    public int Invalid => Volatile.Read(ref _invalid);

    /// <summary>Body bytes of every verified delivery.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // The handler never blocks, so it runs on the socket's completion instead of a hop through Kestrel's queues.
        builder.WebHost.UseSockets(options => options.UnsafePreferInlineScheduling = true);
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
        // The body into a pooled buffer: 96,000 deliveries of a few KB each would otherwise be as many fresh arrays.
        var length = (int)Math.Min(context.Request.ContentLength ?? 0, 1 << 20);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 4096));
        try
        {
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, read).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var n = await context.Request.Body.ReadAsync(buffer.AsMemory(read));
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            Receive(context, buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Receive(HttpContext context, ReadOnlySpan<byte> body)
    {
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        var result = _verifier!.Verify(body, id, headers["webhook-timestamp"], headers["webhook-signature"]);
        if (!result.IsValid)
        {
            Interlocked.Increment(ref _invalid);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        _ids.TryAdd(id, 0);
        Interlocked.Add(ref _bytes, body.Length);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
