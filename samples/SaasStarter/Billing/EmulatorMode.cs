using PolarBilling.Client;
using PolarBilling.Emulator;
using PolarBilling.Plans;
using PolarBilling.Usage.Provisioning;

namespace SaasStarter.Billing;

/// <summary>
/// Development without keys: starts a Polar emulator in process, sells the configured plans on it, points the Polar
/// client at it and subscribes the app's webhook receiver to it.
/// </summary>
internal static class EmulatorMode
{
    /// <summary>
    /// Starts the emulator with a running clock (renewals, trial ends and retries happen in real time, and
    /// <c>POST /emulator/clock/advance</c> jumps ahead), creates one product per paid plan (with a meter, a
    /// <c>meter_credit</c> benefit and a metered price for each of a plan's <c>Meters</c>) and sets
    /// <c>Polar:Server</c>, <c>Polar:AccessToken</c>, <c>Polar:WebhookSecret</c> and each plan's <c>ProductId</c>.
    /// </summary>
    public static async Task AddEmbeddedEmulatorAsync(WebApplicationBuilder builder)
    {
        var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions
        {
            Urls = builder.Configuration["SaasStarter:EmulatorUrls"] ?? "http://127.0.0.1:0",
            ClockMode = EmulatorClockMode.Running,
        });
        var settings = new Dictionary<string, string?>
        {
            ["Polar:Server"] = emulator.BaseUrl.ToString(),
            ["Polar:AccessToken"] = emulator.AccessToken,
        };

        using (var polar = new PolarClient(emulator.CreateClientOptions()))
        {
            var plans = builder.Configuration.GetSection("Polar:Plans").Get<Dictionary<string, BillingPlanOptions>>() ?? [];
            foreach (var (key, plan) in plans.Where(p => p.Value.OneTime || p.Value.Price > 0))
            {
                settings[$"Polar:Plans:{key}:ProductId"] = (await MeteredPlanProvisioner.EnsureAsync(polar, key, plan)).ProductId;
            }
        }

        // The app's address is known only once Kestrel listens: EmulatorWebhookRoute points the endpoint at it then.
        var endpoint = emulator.AddWebhookEndpoint("http://127.0.0.1/api/webhooks/polar");
        settings["Polar:WebhookSecret"] = endpoint.Secret;
        builder.Configuration.AddInMemoryCollection(settings);

        // A factory registration, so the container disposes (stops) the emulator with the app.
        builder.Services.AddSingleton(_ => emulator);
        builder.Services.AddSingleton(new EmbeddedEmulatorEndpoint(endpoint.Id));
        builder.Services.AddSingleton<TimeProvider>(new EmulatorTimeProvider(emulator));
        builder.Services.AddHostedService<EmulatorWebhookRoute>();
    }
}
