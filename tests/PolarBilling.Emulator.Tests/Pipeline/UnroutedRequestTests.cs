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
}
