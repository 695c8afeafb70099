using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Http;

/// <summary><c>AddPolarClient</c>: binding, environment fallbacks, start-up validation, and a real call through it.</summary>
public sealed class PolarClientDependencyInjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Polar_section_is_bound_and_the_client_calls_the_configured_server()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(LoopbackResponse.Json(200, """{"max_page":7}"""));
        using var host = await StartHostAsync(new()
        {
            ["Polar:AccessToken"] = "polar_oat_from_config",
            ["Polar:Server"] = server.BaseUrl,
            ["Polar:ApiVersion"] = "2026-04",
            ["Polar:OrganizationId"] = "org-9",
            ["Polar:Timeout"] = "00:00:05",
        });

        var client = host.Services.GetRequiredService<PolarClient>();
        var answer = await client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct);

        Assert.Equal(7, answer.MaxPage);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("Bearer polar_oat_from_config", "2026-04", "org-9"),
            (request.Header("Authorization"), request.Header("Polar-Version"), request.Header("Polar-Organization")));
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<PolarClientOptions>>().Value.Timeout);
    }

    [Fact]
    public async Task POLAR_ACCESS_TOKEN_and_POLAR_SERVER_are_used_when_the_section_has_none()
    {
        using var host = await StartHostAsync(new() { ["POLAR_ACCESS_TOKEN"] = "polar_oat_env", ["POLAR_SERVER"] = "sandbox" });

        var options = host.Services.GetRequiredService<IOptions<PolarClientOptions>>().Value;

        Assert.Equal(("polar_oat_env", "sandbox"), (options.AccessToken, options.Server));
        Assert.Equal(PolarServers.SandboxUrl, host.Services.GetRequiredService<PolarClient>().BaseAddress);
    }

    [Fact]
    public async Task Empty_placeholders_in_the_section_fall_back_to_the_environment_too()
    {
        // appsettings.json templates often ship "AccessToken": "" and "Server": "" for the secret store to fill.
        using var host = await StartHostAsync(new()
        {
            ["Polar:AccessToken"] = "",
            ["Polar:Server"] = " ",
            ["POLAR_ACCESS_TOKEN"] = "polar_oat_env",
            ["POLAR_SERVER"] = "sandbox",
        });

        var options = host.Services.GetRequiredService<IOptions<PolarClientOptions>>().Value;

        Assert.Equal(("polar_oat_env", "sandbox"), (options.AccessToken, options.Server));
    }

    [Fact]
    public async Task The_section_wins_over_the_environment_fallbacks()
    {
        using var host = await StartHostAsync(new()
        {
            ["Polar:AccessToken"] = "polar_oat_section",
            ["Polar:Server"] = "production",
            ["POLAR_ACCESS_TOKEN"] = "polar_oat_env",
            ["POLAR_SERVER"] = "sandbox",
        });

        var options = host.Services.GetRequiredService<IOptions<PolarClientOptions>>().Value;

        Assert.Equal(("polar_oat_section", "production"), (options.AccessToken, options.Server));
    }

    [Fact]
    public async Task Start_up_fails_without_a_token_with_a_message_naming_what_to_set()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(new()));

        Assert.Contains("Polar:AccessToken is missing: set it in appsettings or POLAR_ACCESS_TOKEN", error.Message);
    }

    [Fact]
    public async Task Start_up_reports_every_bad_setting_once_even_when_registered_twice()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(
            new() { ["Polar:AccessToken"] = "t", ["Polar:Server"] = "staging", ["Polar:ApiVersion"] = "v2" },
            registrations: 2));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Polar:Server 'staging' is not valid", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Polar:ApiVersion 'v2' is not valid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_twice_still_gives_one_client()
    {
        using var host = await StartHostAsync(new() { ["Polar:AccessToken"] = "t" }, registrations: 2);

        Assert.Same(host.Services.GetRequiredService<PolarClient>(), host.Services.GetRequiredService<PolarClient>());
        Assert.Single(host.Services.GetServices<IValidateOptions<PolarClientOptions>>());
    }

    [Fact]
    public async Task Another_section_name_can_be_used()
    {
        using var host = await StartHostAsync(new() { ["Billing:Polar:AccessToken"] = "polar_oat_nested" }, section: "Billing:Polar");

        Assert.Equal("polar_oat_nested", host.Services.GetRequiredService<IOptions<PolarClientOptions>>().Value.AccessToken);
    }

    [Fact]
    public async Task Options_can_be_set_in_code_and_are_validated_at_start_too()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPolarClient(o => o.Server = "sandbox");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("Polar:AccessToken is missing", error.Message);
    }

    private static async Task<IHost> StartHostAsync(Dictionary<string, string?> settings, int registrations = 1, string section = "Polar")
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        for (var i = 0; i < registrations; i++)
        {
            builder.Services.AddPolarClient(builder.Configuration, section);
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync(Ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
