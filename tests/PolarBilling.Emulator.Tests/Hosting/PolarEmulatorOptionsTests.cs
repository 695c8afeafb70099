using Xunit;

namespace PolarBilling.Emulator.Tests.Hosting;

/// <summary><see cref="PolarEmulatorOptions.Validate"/>: each bad setting is refused with a message naming it.</summary>
public sealed class PolarEmulatorOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_match_Polar()
    {
        var options = new PolarEmulatorOptions();

        options.Validate();

        Assert.Equal("http://127.0.0.1:0", options.Urls);
        Assert.Equal(500, options.RateLimitPerMinute);
        Assert.Equal("2026-04", options.DefaultApiVersion);
        Assert.Equal(["2026-04", "2026-10"], options.SupportedApiVersions);
        Assert.Equal(TimeSpan.FromSeconds(10), options.WebhookTimeout);
        Assert.Equal(1.0, options.WebhookRetryTimeScale);
        Assert.Equal(PolarBilling.Client.Webhooks.WebhookKeyScheme.Standard, options.WebhookKeyScheme);
        Assert.Null(options.TimeProvider);
        Assert.Equal(EmulatorClockMode.Frozen, options.ClockMode);
        Assert.Null(options.ClockStart);
    }

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "urls:not a url", "Urls", "absolute http(s) URL" },
        { "urls:ftp://127.0.0.1:21", "Urls", "absolute http(s) URL" },
        { "token:sk_test_123", "AccessToken", "polar_oat_" },
        { "rate:-1", "RateLimitPerMinute", "0 (no limit) or more" },
        { "version:2025-01", "DefaultApiVersion", "must be one of SupportedApiVersions" },
        { "scale:0", "WebhookRetryTimeScale", "above 0" },
        { "scale:-2", "WebhookRetryTimeScale", "above 0" },
        { "scale:NaN", "WebhookRetryTimeScale", "above 0" },
        { "timeout:0", "WebhookTimeout", "positive" },
        { "hook:/relative", "WebhookUrls", "absolute http(s) URL" },
        { "mode:7", "ClockMode", "Frozen or Running" },
        { "start:running", "ClockStart", "only to a frozen clock" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_is_refused_naming_it(string setting, string parameter, string message)
    {
        var options = new PolarEmulatorOptions();
        var (name, value) = (setting.Split(':', 2)[0], setting.Split(':', 2)[1]);
        switch (name)
        {
            case "urls": options.Urls = value; break;
            case "token": options.AccessToken = value; break;
            case "rate": options.RateLimitPerMinute = int.Parse(value); break;
            case "version": options.DefaultApiVersion = value; break;
            case "scale": options.WebhookRetryTimeScale = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "timeout": options.WebhookTimeout = TimeSpan.FromSeconds(int.Parse(value)); break;
            case "mode": options.ClockMode = (EmulatorClockMode)int.Parse(value); break;
            case "start": options.ClockStart = DateTimeOffset.UnixEpoch; options.ClockMode = EmulatorClockMode.Running; break;
            default: options.WebhookUrls.Add(value); break;
        }

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(parameter == "WebhookUrls" ? "Webhook URL" : parameter, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_with_a_bad_setting_throws_before_listening()
    {
        var options = new PolarEmulatorOptions { RateLimitPerMinute = -5 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PolarEmulator.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Equal(nameof(PolarEmulatorOptions.RateLimitPerMinute), error.ParamName);
    }
}
