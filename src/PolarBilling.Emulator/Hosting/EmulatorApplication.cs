using PolarBilling.Emulator.Control;
using PolarBilling.Emulator.Faults;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Pages;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Hosting;

/// <summary>Builds the emulator's ASP.NET Core app: Kestrel, the state, Polar's request pipeline and every route.</summary>
internal static class EmulatorApplication
{
    public static WebApplication Build(PolarEmulatorOptions options, Action<ILoggingBuilder>? logging = null)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        var state = new EmulatorState(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<RateLimiter>();
        state.Webhooks.Faults = new FaultRegistry(state);
        builder.Services.AddSingleton(state.Webhooks.Faults);
        builder.Services.AddSingleton<ApiFaultInjector>();
        builder.Services.AddEmulatorServices();

        var app = builder.Build();
        // Routing first: the API middleware needs the matched endpoint to know the operation's scopes and body
        // schema. With the middleware in front, every route ran without authentication or body validation.
        app.UseRouting();
        app.UseMiddleware<PolarApiMiddleware>();
        app.MapPolarApi();
        app.MapControlApi();
        app.MapHostedPages();
        return app;
    }
}
