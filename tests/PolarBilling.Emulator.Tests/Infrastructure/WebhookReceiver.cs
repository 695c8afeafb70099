using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver on a loopback port, standing in for an app's webhook endpoint. It records every delivery
/// (headers and raw body bytes), verifies it with the client's <see cref="WebhookVerifier"/> against the secret of the
/// path it arrived on, and answers what the test scripted: statuses per attempt (500 twice, then 200), or
/// <see cref="Hang"/> to never answer. Unscripted attempts get <see cref="DefaultStatus"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>Scripted instead of a status: keep the request open until the sender gives up or <see cref="ReleaseHanging"/>.</summary>
    public const int Hang = -1;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<int> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _aborted;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        app.MapPost("/{**path}", ReceiveAsync);
    }

    /// <summary>The receiver's root, e.g. <c>http://127.0.0.1:53211/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The status for attempts nothing was scripted for. Default 200.</summary>
    public int DefaultStatus { get; set; } = 200;

    /// <summary>How many hanging requests the sender gave up on (closed the connection).</summary>
    public int Aborted => Volatile.Read(ref _aborted);

    /// <summary>Every delivery so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        await receiver._app.StartAsync(cancellationToken);
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>The URL of <paramref name="path"/> on this receiver, e.g. <c>http://127.0.0.1:53211/hooks</c>.</summary>
    public string UrlFor(string path = "hooks") => new Uri(BaseUrl, path.TrimStart('/')).ToString();

    /// <summary>Verifies deliveries arriving on <paramref name="path"/> with <paramref name="secret"/> from now on.</summary>
    public void UseSecret(string secret, string path = "hooks") => _secrets[Normalize(path)] = secret;

    /// <summary>Answers the next attempts on <paramref name="path"/> with these statuses, in order (<see cref="Hang"/> hangs).</summary>
    public void AnswerWith(string path, params int[] statuses)
    {
        var queue = _scripts.GetOrAdd(Normalize(path), _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    /// <summary>Answers the next attempts on the default path <c>hooks</c> with these statuses.</summary>
    public void AnswerWith(params int[] statuses) => AnswerWith("hooks", statuses);

    /// <summary>Answers every request hanging now with <paramref name="status"/>; later <see cref="Hang"/>s hang again.</summary>
    public void ReleaseHanging(int status = 500)
    {
        lock (_gate)
        {
            _release.TrySetResult(status);
            _release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries arrived (default timeout 15 s) and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null, string? path = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var matching = _received.Where(r => path is null || r.Path == Normalize(path)).ToList();
                if (matching.Count >= count)
                {
                    return matching;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} webhook deliveries{(path is null ? "" : " on /" + Normalize(path))}, got {Received.Count(r => path is null || r.Path == Normalize(path))}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static string Normalize(string path) => path.Trim('/');

    private async Task ReceiveAsync(HttpContext context, string? path)
    {
        var started = TimeProvider.System.GetTimestamp();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var key = Normalize(path ?? string.Empty);
        var verification = _secrets.TryGetValue(key, out var secret)
            ? new WebhookVerifier(secret).Verify(body, name => headers.GetValueOrDefault(name))
            : null;
        var status = _scripts.TryGetValue(key, out var script) && script.TryDequeue(out var scripted) ? scripted : DefaultStatus;
        Task<int> released;
        lock (_gate)
        {
            _received.Add(new ReceivedWebhook(key, headers, body, TimeProvider.System.GetUtcNow(), started, status, verification));
            _arrived.TrySetResult();
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            released = _release.Task;
        }

        if (status == Hang)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                status = await released.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                Interlocked.Increment(ref _aborted);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync($"answered {status}", context.RequestAborted);
    }
}
