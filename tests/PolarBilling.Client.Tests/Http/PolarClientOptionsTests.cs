using Xunit;

namespace PolarBilling.Client.Tests.Http;

/// <summary>Option defaults and validation messages that say what to set and where.</summary>
public sealed class PolarClientOptionsTests
{
    [Fact]
    public void Defaults_are_production_version_2026_10_and_bounded_retries()
    {
        var options = new PolarClientOptions();

        Assert.Equal((PolarServers.Production, "2026-10"), (options.Server, options.ApiVersion));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)), (options.Timeout, options.AttemptTimeout));
        Assert.Equal((3, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30)), (options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay));
        Assert.Equal(PolarServers.ProductionUrl, options.ResolveBaseAddress());
    }

    [Fact]
    public void A_missing_token_names_the_setting_and_the_environment_variable()
    {
        var problem = Assert.Single(new PolarClientOptions().Validate());

        Assert.Equal("Polar:AccessToken is missing: set it in appsettings or POLAR_ACCESS_TOKEN (an organization access token, polar_oat_...).", problem);
        Assert.Empty(new PolarClientOptions().Validate(requireAccessToken: false));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("api.polar.sh")]
    [InlineData("ftp://api.polar.sh")]
    public void A_bad_server_names_the_accepted_values(string server)
    {
        var problem = Assert.Single(new PolarClientOptions { AccessToken = "t", Server = server }.Validate());

        Assert.Equal($"Polar:Server '{server}' is not valid: use 'production', 'sandbox' or an absolute http(s) URL (also settable as POLAR_SERVER).", problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("2026-4")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("abcd-ef")]
    [InlineData("2026/10")]
    public void A_bad_api_version_asks_for_YYYY_MM(string version)
    {
        var problem = Assert.Single(new PolarClientOptions { AccessToken = "t", ApiVersion = version }.Validate());

        Assert.Equal($"Polar:ApiVersion '{version}' is not valid: use a YYYY-MM version such as 2026-10.", problem);
    }

    [Theory]
    [InlineData("2026-04")]
    [InlineData("2026-10")]
    [InlineData("2027-01")]
    public void Dated_api_versions_are_accepted(string version) =>
        Assert.Empty(new PolarClientOptions { AccessToken = "t", ApiVersion = version }.Validate());

    [Fact]
    public void Bad_durations_and_retry_counts_are_each_reported()
    {
        var problems = new PolarClientOptions
        {
            AccessToken = "t",
            Timeout = TimeSpan.Zero,
            MaxRetries = 11,
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
        }.Validate();

        Assert.Equal(
            [
                "Polar:Timeout and Polar:AttemptTimeout must be positive durations, such as 00:00:30.",
                "Polar:MaxRetries is 11: use 0 to 10.",
                "Polar:RetryBaseDelay and Polar:MaxRetryDelay must not be negative.",
            ],
            problems);
    }

    [Fact]
    public void The_client_rejects_invalid_options_with_every_problem_but_does_not_require_a_token()
    {
        var error = Assert.Throws<ArgumentException>(() => new PolarClient(new PolarClientOptions { Server = "staging", ApiVersion = "next" }));

        Assert.Contains("Polar:Server 'staging' is not valid", error.Message);
        Assert.Contains("Polar:ApiVersion 'next' is not valid", error.Message);
        Assert.DoesNotContain("AccessToken", error.Message);
        Assert.Equal("options", error.ParamName);

        using var tokenless = new PolarClient(new PolarClientOptions { Server = PolarServers.Sandbox });
        Assert.Equal(PolarServers.SandboxUrl, tokenless.BaseAddress);
    }
}
