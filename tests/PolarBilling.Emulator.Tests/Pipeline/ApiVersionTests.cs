using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pipeline;

/// <summary><c>Polar-Version</c>: the default when absent, echoed on every answer, unknown versions answered as unknown routes.</summary>
public sealed class ApiVersionTests : EmulatorTest
{
    [Fact]
    public async Task Without_the_header_the_default_version_is_used_and_echoed()
    {
        using var response = await SendWithVersionAsync(null, Emulator.AccessToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["2026-04"], response.Headers.GetValues("Polar-Version"));
    }

    [Theory]
    [InlineData("2026-04")]
    [InlineData("2026-10")]
    public async Task A_supported_version_is_echoed(string version)
    {
        using var response = await SendWithVersionAsync(version, Emulator.AccessToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal([version], response.Headers.GetValues("Polar-Version"));
    }

    [Theory]
    [InlineData("2099-01")]
    [InlineData("2027-01")]
    [InlineData("latest")]
    [InlineData("2026-4")]
    public async Task An_unknown_version_is_FastAPIs_404_before_authentication(string version)
    {
        using var response = await SendWithVersionAsync(version, token: null);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", body);
        Assert.False(response.Headers.Contains("Polar-Version"));
    }

    [Fact]
    public async Task Errors_carry_the_version_too()
    {
        using var response = await SendWithVersionAsync("2026-10", token: null);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(["2026-10"], response.Headers.GetValues("Polar-Version"));
    }

    [Fact]
    public async Task The_client_sends_its_version_and_gets_answers()
    {
        var page = await Polar.Products.ListAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(page.Items);
    }

    private async Task<HttpResponseMessage> SendWithVersionAsync(string? version, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/products/");
        if (version is not null)
        {
            request.Headers.Add("Polar-Version", version);
        }

        var client = token is null ? CreateHttpClient(token: null) : Http;
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
