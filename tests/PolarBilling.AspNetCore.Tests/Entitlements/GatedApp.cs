using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Entitlements;

/// <summary>One <see cref="BillingTestApp"/> for the gating tests, with gated minimal APIs under <c>/gated</c> and <see cref="GatedController"/>.</summary>
public sealed class GatedApp : IAsyncLifetime
{
    public BillingTestApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await BillingTestApp.StartAsync(new BillingTestAppOptions
        {
            ConfigureServices = s => s.AddControllers().AddApplicationPart(typeof(GatedController).Assembly),
            ConfigureApp = app =>
            {
                var gated = app.MapGroup("/gated");
                gated.MapGet("/pro", () => TypedResults.Ok(new { ok = true })).RequireSubscription("pro");
                gated.MapGet("/course", () => TypedResults.Ok(new { ok = true })).RequireSubscription("course");
                gated.MapGet("/sso", () => TypedResults.Ok(new { ok = true })).RequireFeature("sso");
                gated.MapPost("/agents", () => TypedResults.Ok(new { ok = true }))
                    .RequireLimit("agents", context => ValueTask.FromResult(long.Parse(context.Request.Query["have"].ToString(), System.Globalization.CultureInfo.InvariantCulture)));
                gated.MapGet("/ten-agents", () => TypedResults.Ok(new { ok = true })).RequireLimit("agents", 10);
                app.MapControllers();
            },
        });
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
