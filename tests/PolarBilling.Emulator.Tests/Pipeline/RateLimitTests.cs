using System.Net;
using System.Net.Sockets;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pipeline;

/// <summary>
/// Polar's rate limit (here 5 requests a minute): fixed one-minute windows of emulator time, one budget per
/// organization (all its tokens) and one per client address for anonymous calls; 429 with an empty body and only
/// <c>Retry-After</c>, the seconds left in the window.
/// </summary>
public sealed class RateLimitTests : EmulatorTest
{
    protected override void Configure(PolarEmulatorOptions options) => options.RateLimitPerMinute = 5;

    [Fact]
    public async Task The_sixth_call_in_a_minute_is_429_with_an_empty_body_and_Retry_After()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SendAsync(HttpMethod.Get, "/v1/products/")).Status);
        }

        using var limited = await Http.GetAsync("/v1/products/", TestContext.Current.CancellationToken);

        Assert.Equal([200, 200, 200, 200, 200], statuses);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Empty(await limited.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter!.Delta);
        Assert.False(limited.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Retry_After_counts_the_seconds_to_the_end_of_the_window_and_then_calls_succeed_again()
    {
        Clock.Advance(TimeSpan.FromSeconds(20.5));
        await UseUpAsync(Http);

        using var limited = await Http.GetAsync("/v1/products/", TestContext.Current.CancellationToken);
        Clock.Advance(TimeSpan.FromSeconds(39));
        var (justBefore, _) = await SendAsync(HttpMethod.Get, "/v1/products/");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var (afterwards, _) = await SendAsync(HttpMethod.Get, "/v1/products/");

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(429, justBefore);
        Assert.Equal(200, afterwards);
    }

    [Fact]
    public async Task Every_token_of_the_organization_shares_one_budget()
    {
        var (_, minted) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens", """{"scopes": ["products:read"]}""");
        await UseUpAsync(Http);

        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/products/", client: CreateHttpClient((string)minted!["token"]!));

        Assert.Equal(429, status);
    }

    [Fact]
    public async Task Anonymous_calls_are_counted_per_client_address_apart_from_the_organization()
    {
        var anonymous = CreateHttpClient(token: null);
        using var otherAddress = ClientFrom(IPAddress.Parse("127.0.0.2"));
        await UseUpAsync(anonymous);

        var (anonymousAgain, _) = await SendAsync(HttpMethod.Get, "/v1/products/", client: anonymous);
        using var fromOtherAddress = await otherAddress.GetAsync("/v1/products/", TestContext.Current.CancellationToken);
        var (organization, _) = await SendAsync(HttpMethod.Get, "/v1/products/");

        Assert.Equal(429, anonymousAgain);
        Assert.Equal(401, (int)fromOtherAddress.StatusCode);
        Assert.Equal(200, organization);
    }

    [Fact]
    public async Task The_control_api_changes_the_limit_at_run_time_and_0_turns_it_off()
    {
        await SendAsync(HttpMethod.Put, "/emulator/rate-limit", """{"requests_per_minute": 2}""");
        var limited = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            limited.Add((await SendAsync(HttpMethod.Get, "/v1/products/")).Status);
        }

        await SendAsync(HttpMethod.Put, "/emulator/rate-limit", """{"requests_per_minute": 0}""");
        var unlimited = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            unlimited.Add((await SendAsync(HttpMethod.Get, "/v1/products/")).Status);
        }

        Assert.Equal([200, 200, 429], limited);
        Assert.All(unlimited, s => Assert.Equal(200, s));
    }

    [Fact]
    public async Task A_reset_forgets_the_counts()
    {
        await UseUpAsync(Http);

        await SendAsync(HttpMethod.Post, "/emulator/reset");
        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/products/");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task The_control_api_itself_is_never_limited()
    {
        await UseUpAsync(Http);

        var (status, _) = await SendAsync(HttpMethod.Get, "/emulator/state");

        Assert.Equal(200, status);
    }

    private async Task UseUpAsync(HttpClient client)
    {
        for (var i = 0; i < 5; i++)
        {
            var (status, _) = await SendAsync(HttpMethod.Get, "/v1/products/", client: client);
            Assert.NotEqual(429, status);
        }
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x address is loopback on Linux).</summary>
    private HttpClient ClientFrom(IPAddress source)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = Emulator.BaseUrl };
    }
}
