using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Faults;

/// <summary>Injected API faults as the typed client sees them: errors, retries, 429 bursts, latency and dropped connections.</summary>
public sealed class ApiFaultTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_error_rule_with_a_count_is_retried_through_by_the_client()
    {
        var rule = await FaultControl.AddAsync(Http, """{"target":"api","route":"products:list","action":"error","status":503,"count":2}""");
        using var polar = RetryingClient();

        var page = await polar.Products.ListAsync(cancellationToken: Ct);

        Assert.NotNull(page);
        var after = await FaultControl.RuleAsync(Http, (string)rule["id"]!);
        Assert.Equal(2, (long)after["fired"]!);
        Assert.Equal(0, (long)after["remaining"]!);
        Assert.False((bool)after["active"]!);
    }

    [Fact]
    public async Task An_error_rule_without_a_count_reaches_the_client_as_the_status_after_its_retries()
    {
        var rule = await FaultControl.AddAsync(Http, """{"target":"api","route":"GET /v1/products/","action":"error","status":502}""");
        using var polar = RetryingClient();

        var error = await Assert.ThrowsAsync<PolarServerException>(() => polar.Products.ListAsync(cancellationToken: Ct));

        Assert.Equal(502, (int)error.StatusCode);
        Assert.Equal("BadGateway", error.Error);
        Assert.Equal(4, (long)(await FaultControl.RuleAsync(Http, (string)rule["id"]!))["fired"]!);
    }

    [Fact]
    public async Task An_error_answers_with_Polar_error_shape_and_leaves_other_routes_alone()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"GET /v1/customers/{id}","action":"error","status":500,"detail":"database is down"}""");

        var (faulted, body) = await SendAsync(HttpMethod.Get, "/v1/customers/0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10");
        var (other, _) = await SendAsync(HttpMethod.Get, "/v1/customers/");

        Assert.Equal(500, faulted);
        Assert.Equal("InternalServerError", (string?)body!["error"]);
        Assert.Equal("database is down", (string?)body["detail"]);
        Assert.Equal(200, other);
    }

    [Fact]
    public async Task A_429_burst_carries_Retry_After_and_the_client_waits_it_out()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"*","action":"rate_limit","burst":2,"retry_after":1,"count":1}""");
        using (var raw = await Http.GetAsync("/v1/products/", Ct))
        {
            Assert.Equal(429, (int)raw.StatusCode);
            Assert.Equal("1", raw.Headers.GetValues("Retry-After").Single());
            Assert.Empty(await raw.Content.ReadAsByteArrayAsync(Ct));
        }

        using var polar = RetryingClient();
        var started = TimeProvider.System.GetTimestamp();
        await polar.Products.ListAsync(cancellationToken: Ct);
        var waited = TimeProvider.System.GetElapsedTime(started);

        // The burst's second 429 made the client wait Retry-After (1 s) before the attempt that succeeded.
        Assert.True(waited >= TimeSpan.FromSeconds(1), $"The client waited only {waited}.");
        var log = await FaultControl.LogAsync(Http);
        Assert.Equal(2, log.Count(e => (string?)e["action"] == "rate_limit"));
    }

    [Fact]
    public async Task A_dropped_connection_reaches_the_client_as_a_connection_error()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"products:list","action":"drop"}""");

        await Assert.ThrowsAsync<PolarConnectionException>(() => Polar.Products.ListAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Latency_delays_the_answer_by_at_least_its_milliseconds()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"*","action":"latency","latency_ms":300}""");

        var started = TimeProvider.System.GetTimestamp();
        await Polar.Products.ListAsync(cancellationToken: Ct);
        var took = TimeProvider.System.GetElapsedTime(started);

        Assert.True(took >= TimeSpan.FromMilliseconds(300), $"The call took only {took}.");
    }

    [Fact]
    public async Task A_rule_with_a_count_is_spent_after_firing_that_often()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"products:list","action":"error","status":503,"count":3}""");

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SendAsync(HttpMethod.Get, "/v1/products/")).Status);
        }

        Assert.Equal([503, 503, 503, 200, 200], statuses);
    }

    private PolarClient RetryingClient() => FaultControl.RetryingClient(Emulator, CreateHttpClient(token: null));
}
