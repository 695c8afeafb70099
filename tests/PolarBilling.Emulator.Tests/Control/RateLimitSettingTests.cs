using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Control;

/// <summary><c>PUT /emulator/rate-limit</c>: the requests allowed per minute, 0 for no limit.</summary>
public sealed class RateLimitSettingTests : EmulatorTest
{
    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(500)]
    public async Task The_setting_is_answered_back(int perMinute)
    {
        var (status, body) = await SendAsync(HttpMethod.Put, "/emulator/rate-limit", $$"""{"requests_per_minute": {{perMinute}}}""");

        Assert.Equal(200, status);
        Assert.Equal($$"""{"requests_per_minute":{{perMinute}}}""", body!.ToJsonString());
    }

    [Theory]
    [InlineData("{}", "'requests_per_minute' is required")]
    [InlineData("""{"requests_per_minute": -1}""", "0 or a positive integer")]
    [InlineData("""{"requests_per_minute": 1.5}""", "must be an integer")]
    [InlineData("""{"requests_per_minute": "100"}""", "must be an integer")]
    [InlineData("""{"requests_per_minute": 3000000000}""", "0 or a positive integer")]
    public async Task A_bad_setting_is_400_and_changes_nothing(string json, string detail)
    {
        await SendAsync(HttpMethod.Put, "/emulator/rate-limit", """{"requests_per_minute": 2}""");

        var (status, body) = await SendAsync(HttpMethod.Put, "/emulator/rate-limit", json);
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await SendAsync(HttpMethod.Get, "/v1/no-such-route")).Status);
        }

        Assert.Equal(400, status);
        Assert.Equal("InvalidControlRequest", (string?)body!["error"]);
        Assert.Contains(detail, (string?)body["detail"], StringComparison.Ordinal);
        Assert.Equal([404, 404, 429], statuses);
    }
}
