using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pipeline;

public sealed class UnroutedRequestTests : EmulatorTest
{
    [Fact]
    public async Task A_path_outside_Polars_api_is_FastAPIs_404()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/no-such-thing");

        Assert.Equal(404, status);
        Assert.Equal("""{"detail":"Not Found"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_Polar_Version_is_answered_404_like_an_unknown_route()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/no-such-thing");
        request.Headers.Add("Polar-Version", "2099-01");

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("Polar-Version"));
    }

    [Fact]
    public async Task A_Polar_operation_the_emulator_does_not_serve_is_501_naming_it()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/license-keys/");

        Assert.Equal(501, status);
        Assert.Equal("NotImplementedByEmulator", (string?)body!["error"]);
        Assert.Contains("GET /v1/license-keys/ (license_keys:list)", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_path_with_a_method_it_does_not_take_is_405()
    {
        var (status, body) = await SendAsync(HttpMethod.Delete, "/v1/products/");

        Assert.Equal(405, status);
        Assert.Equal("""{"detail":"Method Not Allowed"}""", body!.ToJsonString());
    }
}
