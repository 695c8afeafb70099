using System.Diagnostics;
using PolarBilling.Client.Internal;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Http;

/// <summary>Deadlines (per call and per attempt) versus the caller's own cancellation.</summary>
public sealed class TransportTimeoutTests
{
    private static readonly LoopbackResponse Slow = LoopbackResponse.Json(200, "{}").After(TimeSpan.FromSeconds(10));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_slower_than_Timeout_fails_with_a_timeout_naming_the_call_and_the_limit()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(Slow);
        var client = server.CreateClient(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAsync<PolarTimeoutException>(() => client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct));

        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        Assert.Equal("Polar did not answer GET /v1/x within 0.3 s.", error.Message);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_per_request_timeout_overrides_the_configured_one()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(Slow);
        var client = server.CreateClient();
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAsync<PolarTimeoutException>(() =>
            client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, new PolarRequestOptions { Timeout = TimeSpan.FromMilliseconds(250) }, Ct));

        Assert.Equal(TimeSpan.FromMilliseconds(250), error.Timeout);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_slow_attempt_of_a_read_is_abandoned_and_retried()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Once(Slow).Always(LoopbackResponse.Json(200, """{"max_page":4}"""));
        var client = server.CreateClient(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var answer = await client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct);

        Assert.Equal(4, answer.MaxPage);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_money_moving_write_that_times_out_warns_it_may_have_been_applied(bool attemptTimeout)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/x").Always(Slow);
        var client = server.CreateClient(o =>
        {
            o.AttemptTimeout = attemptTimeout ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);
            o.Timeout = attemptTimeout ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(1);
        });

        var error = await Assert.ThrowsAsync<PolarTimeoutException>(() =>
            client.Products.Transport.SendAsync<PolarPagination, PolarPagination>(HttpMethod.Post, "v1/x", new PolarPagination(), RetryMode.MoneyMoving, null, Ct));

        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        Assert.Equal(
            "Polar did not answer POST /v1/x within 1 s. The write may still have been applied: look it up before trying again.",
            error.Message);
        Assert.Single(await server.WaitForRequestsAsync(1));
    }

    [Fact]
    public async Task A_safe_call_that_times_out_does_not_warn_about_a_write()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/x").Always(Slow);
        var client = server.CreateClient(o => o.Timeout = TimeSpan.FromMilliseconds(250));

        var error = await Assert.ThrowsAsync<PolarTimeoutException>(() =>
            client.Products.Transport.SendAsync<PolarPagination, PolarPagination>(HttpMethod.Post, "v1/x", new PolarPagination(), RetryMode.Safe, null, Ct));

        Assert.DoesNotContain("may still have been applied", error.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_an_OperationCanceledException_not_a_timeout()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(Slow);
        var client = server.CreateClient();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        caller.CancelAfter(TimeSpan.FromMilliseconds(250));

        var error = await Record(() => client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, caller.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(caller.Token, ((OperationCanceledException)error!).CancellationToken);
    }

    [Fact]
    public async Task An_already_canceled_call_sends_nothing()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Record(() => client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, new CancellationToken(canceled: true)));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Empty(server.Requests);
    }

    private static async Task<Exception?> Record(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
