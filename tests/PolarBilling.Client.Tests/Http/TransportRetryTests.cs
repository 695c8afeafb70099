using System.Diagnostics;
using System.Net.Sockets;
using PolarBilling.Client.Internal;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Http;

/// <summary>
/// Which failures are retried. Polar has no idempotency keys, so a money-moving write is repeated only when Polar
/// certainly did not act on it (a 429, or a connection never made); reads and safe writes ride out 5xx and drops.
/// </summary>
public sealed class TransportRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("500 json")]
    [InlineData("502 html")]
    [InlineData("503 empty")]
    [InlineData("504 empty")]
    [InlineData("429 Retry-After 0")]
    [InlineData("429 no Retry-After")]
    [InlineData("dropped connection")]
    public async Task A_read_is_retried_after_transient_failures_then_succeeds(string failure)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Once(TransportFailures.Named(failure)).Once(TransportFailures.Named(failure)).Always(LoopbackResponse.Json(200, """{"total_count":1}"""));
        var client = server.CreateClient();

        var answer = await client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct);

        Assert.Equal(1, answer.TotalCount);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_failure_is_thrown()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(LoopbackResponse.Empty(503));
        var client = server.CreateClient(o => o.MaxRetries = 2);

        await Assert.ThrowsAsync<PolarServerException>(() => client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task MaxRetries_zero_sends_once()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(LoopbackResponse.Empty(503));
        var client = server.CreateClient(o => o.MaxRetries = 0);

        await Assert.ThrowsAsync<PolarServerException>(() => client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct));

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task Client_errors_are_never_retried(int status)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(LoopbackResponse.Json(status, """{"error":"E","detail":"d"}"""));
        var client = server.CreateClient();

        await Assert.ThrowsAnyAsync<PolarApiException>(() => client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_429_Retry_After_is_waited_for_before_the_retry()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Once(LoopbackResponse.RateLimited(1)).Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient();

        await client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct);

        var (first, retry) = (server.Requests[0], server.Requests[1]);
        // Timers may fire a millisecond or so early; a retry that ignored Retry-After would come after ~10 ms.
        Assert.True(retry.ReceivedAt - first.ReceivedAt >= TimeSpan.FromMilliseconds(950), $"retried after {(retry.ReceivedAt - first.ReceivedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryDelay_is_not_waited_for_and_surfaces_as_a_rate_limit()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Once(LoopbackResponse.RateLimited(60)).Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAsync<PolarRateLimitException>(() => client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Single(server.Requests);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("500 json", typeof(PolarServerException))]
    [InlineData("502 html", typeof(PolarServerException))]
    [InlineData("503 empty", typeof(PolarServerException))]
    [InlineData("dropped connection", typeof(PolarConnectionException))]
    [InlineData("no answer for 5 s", typeof(PolarTimeoutException))]
    public async Task A_money_moving_write_is_not_retried_when_Polar_may_have_acted(string failure, Type expected)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/x").Once(TransportFailures.Named(failure)).Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient(o => o.AttemptTimeout = AttemptTimeoutFor(failure));

        var error = await Assert.ThrowsAnyAsync<PolarException>(() => Write(client, RetryMode.MoneyMoving));

        Assert.IsType(expected, error);
        Assert.Single(await server.WaitForRequestsAsync(1));
    }

    [Fact]
    public async Task A_money_moving_write_is_retried_after_a_429_because_Polar_did_not_act()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/x").Once(LoopbackResponse.RateLimited(0)).Once(LoopbackResponse.Empty(429)).Always(LoopbackResponse.Json(200, """{"max_page":1}"""));
        var client = server.CreateClient();

        var answer = await Write(client, RetryMode.MoneyMoving);

        Assert.Equal(1, answer.MaxPage);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("""{"total_count":5}""", r.BodyText));
    }

    [Fact]
    public async Task A_money_moving_write_is_retried_when_the_connection_was_never_made()
    {
        var server = await LoopbackPolarServer.StartAsync(Ct);
        var baseUrl = server.BaseUrl;
        await server.DisposeAsync();
        var attempts = 0;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            // Count connection attempts: nothing listens any more, so each one is refused.
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref attempts);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });
        using var client = new PolarClient(http, new PolarClientOptions
        {
            AccessToken = LoopbackPolarServer.AccessToken, Server = baseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 3,
        });

        var error = await Assert.ThrowsAsync<PolarConnectionException>(() => Write(client, RetryMode.MoneyMoving));

        Assert.Equal(4, attempts);
        Assert.Contains("Could not reach Polar at 127.0.0.1 for POST /v1/x", error.Message);
    }

    [Theory]
    [InlineData("500 json")]
    [InlineData("502 html")]
    [InlineData("503 empty")]
    [InlineData("dropped connection")]
    [InlineData("no answer for 5 s")]
    public async Task A_safe_write_is_retried_after_any_transient_failure(string failure)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/x").Once(TransportFailures.Named(failure)).Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient(o => o.AttemptTimeout = AttemptTimeoutFor(failure));

        await Write(client, RetryMode.Safe);

        Assert.Equal(2, server.Requests.Count);
    }

    // Only the slow answer should trip the attempt timeout; a short one for every case flakes on a loaded machine.
    private static TimeSpan AttemptTimeoutFor(string failure) =>
        failure == "no answer for 5 s" ? TimeSpan.FromSeconds(1) : new PolarClientOptions().AttemptTimeout;

    private static Task<PolarPagination> Write(PolarClient client, RetryMode mode) =>
        client.Products.Transport.SendAsync<PolarPagination, PolarPagination>(HttpMethod.Post, "v1/x", new PolarPagination { TotalCount = 5 }, mode, null, Ct);
}
