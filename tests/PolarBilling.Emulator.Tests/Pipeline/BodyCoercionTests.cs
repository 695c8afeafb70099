using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Emulator.Hosting;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pipeline;

/// <summary>
/// <c>WithBodyCoercion</c>: a route's rewrite of the body runs before spec validation, as Polar's pydantic
/// <c>BeforeValidator</c>s do (the legacy <c>"free"</c> price). Shown on a route this test maps itself.
/// </summary>
public sealed class BodyCoercionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_coerced_body_is_what_gets_validated_and_what_the_handler_reads()
    {
        var token = PolarTokens.Generate(PolarTokens.OrganizationAccessToken);
        await using var app = EmulatorApplication.Build(new PolarEmulatorOptions { AccessToken = token, RateLimitPerMinute = 0 });
        app.MapPatch("/v1/license-keys/{id}", (HttpContext context) => Results.Text(context.Body().GetRawText(), "application/json"))
            .WithPolarOperation("license_keys:update")
            .WithBodyCoercion(body =>
            {
                if ((string?)body["status"] == "legacy-active")
                {
                    body["status"] = "granted";
                }
            });
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var coerced = await http.PatchAsync($"/v1/license-keys/{Guid.NewGuid()}", Json("""{"status": "legacy-active"}"""), Ct);
        using var invalid = await http.PatchAsync($"/v1/license-keys/{Guid.NewGuid()}", Json("""{"status": "bogus"}"""), Ct);

        Assert.Equal(200, (int)coerced.StatusCode);
        Assert.Equal("""{"status":"granted"}""", await coerced.Content.ReadAsStringAsync(Ct));
        Assert.Equal(422, (int)invalid.StatusCode);
        await app.StopAsync(Ct);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
