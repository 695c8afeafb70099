using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Entitlements;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.Plans;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Endpoints;

/// <summary>AddPolarBilling() and the store choice may be called twice (by the app and by a library): one of everything.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task Calling_AddPolarBilling_and_UseSqlite_twice_registers_each_service_and_worker_once()
    {
        var folder = Directory.CreateTempSubdirectory("polarbilling-twice-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Polar:AccessToken"] = "polar_oat_test";
        builder.Configuration["Polar:WebhookSecret"] = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=";
        builder.Configuration["Polar:Plans:pro:ProductId"] = "2f1c8a6e-0c9a-4d7e-9b1a-3e5f7a9c1b2d";
        builder.Configuration["Polar:Plans:pro:Price"] = "2900";
        builder.Configuration["Polar:Plans:pro:Features:0"] = "api-access";
        var connection = $"Data Source={Path.Combine(folder, "billing.db")}";
        builder.Services.AddPolarBilling().UseSqlite(connection);
        builder.Services.AddPolarBilling().UseSqlite(connection);

        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType ?? d.ImplementationFactory?.Method.ReturnType).ToList();
        Assert.Equal(hosted.Count, hosted.Distinct().Count());
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IEntitlements));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(BillingPlanCatalog));

        await using var app = builder.Build();
        var catalog = app.Services.GetRequiredService<BillingPlanCatalog>();
        Assert.Equal(["api-access"], catalog.Find("pro")!.Features);
        Assert.Empty(app.Services.GetRequiredService<IOptions<PolarBillingOptions>>().Value.AllowedRedirectOrigins);
    }
}
