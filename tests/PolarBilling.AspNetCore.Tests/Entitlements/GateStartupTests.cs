using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Plans;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Entitlements;

public sealed class GateStartupTests
{
    [Fact]
    public async Task Unknown_plan_key_fails_startup_not_a_request()
    {
        // An empty content root: the test output holds the sample's appsettings.json, whose plans are not this test's.
        var root = Directory.CreateTempSubdirectory("gate-startup-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Polar:AccessToken"] = "polar_oat_test";
        builder.Configuration["Polar:WebhookSecret"] = "whsec_" + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        builder.Services.AddPolarBilling(o => o.Plans["pro"] = new BillingPlanOptions { ProductId = "prod_pro", Price = 2900 });
        await using var app = builder.Build();
        app.MapGet("/x", () => "x").RequireSubscription("platinum");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("'platinum'", error.Message, StringComparison.Ordinal);
        Assert.Contains("free, pro", error.Message, StringComparison.Ordinal);
    }
}
