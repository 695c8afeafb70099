namespace PolarBilling.Emulator.Webhooks;

/// <summary>Registers webhook delivery: one HTTP sender and the background dispatcher.</summary>
internal static class WebhookDeliveryRegistration
{
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
