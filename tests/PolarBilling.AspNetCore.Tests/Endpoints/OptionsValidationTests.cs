using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Endpoints;

/// <summary>AddPolarBilling() refuses to start with a configuration that cannot work, saying what to set.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public async Task Missing_secret_token_and_product_ids_stop_startup_with_messages_that_say_what_to_set()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Polar:Plans:pro:Price"] = "2900";
        builder.Configuration["Polar:RoutePrefix"] = "api";
        builder.Configuration["Polar:AccessToken"] = "polar_oat_test";
        builder.Services.AddPolarBilling();
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
        var messages = string.Join(Environment.NewLine, failure.Failures);
        Assert.Contains("Polar:WebhookSecret is missing: set it in appsettings or POLAR_WEBHOOK_SECRET", messages);
        Assert.Contains("Polar:Plans:pro:ProductId is missing", messages);
        Assert.Contains("Polar:RoutePrefix 'api' must start with '/'", messages);
    }

    [Fact]
    public async Task The_access_token_is_required_from_the_same_polar_section_or_POLAR_ACCESS_TOKEN()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Polar:WebhookSecret"] = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=";
        builder.Services.AddPolarBilling();
        await using (var app = builder.Build())
        {
            var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
            Assert.Contains("Polar:AccessToken is missing: set it in appsettings or POLAR_ACCESS_TOKEN", string.Join(Environment.NewLine, failure.Failures));
        }

        var fixedBuilder = WebApplication.CreateSlimBuilder();
        fixedBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        fixedBuilder.Logging.ClearProviders();
        fixedBuilder.Configuration["Polar:WebhookSecret"] = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=";
        fixedBuilder.Configuration["POLAR_ACCESS_TOKEN"] = "polar_oat_test";
        fixedBuilder.Configuration["POLAR_SERVER"] = "sandbox";
        fixedBuilder.Services.AddPolarBilling();
        await using var started = fixedBuilder.Build();
        await started.StartAsync(TestContext.Current.CancellationToken);
        var client = started.Services.GetRequiredService<PolarBilling.Client.PolarClient>();
        Assert.Equal("sandbox-api.polar.sh", client.BaseAddress.Host);
        await started.StopAsync(TestContext.Current.CancellationToken);
    }
}
