using Xunit;

namespace PolarBilling.Client.Tests.Http;

/// <summary>How a server name or URL becomes the base address every call path is joined to.</summary>
public sealed class PolarServersTests
{
    [Theory]
    [InlineData("production", "https://api.polar.sh/")]
    [InlineData(" Production ", "https://api.polar.sh/")]
    [InlineData("", "https://api.polar.sh/")]
    [InlineData(null, "https://api.polar.sh/")]
    [InlineData("sandbox", "https://sandbox-api.polar.sh/")]
    [InlineData("SANDBOX", "https://sandbox-api.polar.sh/")]
    [InlineData("https://api.polar.sh", "https://api.polar.sh/")]
    [InlineData("https://api.polar.sh/v1", "https://api.polar.sh/")]
    [InlineData("https://sandbox-api.polar.sh/v1/", "https://sandbox-api.polar.sh/")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/polar", "http://localhost:8080/polar/")]
    [InlineData("http://localhost:8080/polar/v1", "http://localhost:8080/polar/")]
    [InlineData("http://localhost:8080/v10", "http://localhost:8080/v10/")]
    [InlineData("http://localhost:8080/?debug=1", "http://localhost:8080/")]
    public void Names_and_urls_resolve_to_a_base_ending_in_a_slash(string? server, string expected)
    {
        Assert.Equal(new Uri(expected), PolarServers.Resolve(server));
        Assert.True(PolarServers.TryResolve(server, out var resolved));
        Assert.Equal(expected, resolved.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://api.polar.sh/v1", "v1/products/", "https://api.polar.sh/v1/products/")]
    [InlineData("http://localhost:8080/polar/v1/", "v1/products/", "http://localhost:8080/polar/v1/products/")]
    public void A_trailing_v1_is_not_doubled_when_call_paths_are_joined(string server, string path, string expected) =>
        Assert.Equal(expected, new Uri(PolarServers.Resolve(server), path).AbsoluteUri);

    [Theory]
    [InlineData("staging")]
    [InlineData("api.polar.sh")]
    [InlineData("ftp://api.polar.sh")]
    [InlineData("/v1")]
    public void Anything_else_is_refused_with_the_accepted_values(string server)
    {
        Assert.False(PolarServers.TryResolve(server, out _));

        var error = Assert.Throws<InvalidOperationException>(() => PolarServers.Resolve(server));

        Assert.Equal($"Polar server '{server}' is not valid: use 'production', 'sandbox' or an absolute http(s) URL.", error.Message);
    }
}
