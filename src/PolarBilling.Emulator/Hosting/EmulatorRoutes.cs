using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Benefits;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.CustomerMeters;
using PolarBilling.Emulator.CustomerSeats;
using PolarBilling.Emulator.CustomerSessions;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.Meters;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.Organizations;
using PolarBilling.Emulator.Products;
using PolarBilling.Emulator.Refunds;
using PolarBilling.Emulator.Subscriptions;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Hosting;

/// <summary>Every Polar route the emulator serves, one line per resource, and the services behind them.</summary>
internal static class EmulatorRoutes
{
    public static IServiceCollection AddEmulatorServices(this IServiceCollection services)
    {
        services.AddWebhookDelivery();
        services.AddHostedService<Clock.ClockTicker>();
        return services;
    }

    public static IEndpointRouteBuilder MapPolarApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapWebhookEndpointsApi();
        v1.MapCheckoutApi();
        v1.MapOrderApi();
        v1.MapRefundApi();
        v1.MapProductsApi();
        v1.MapBenefitsApi();
        v1.MapDiscountsApi();
        v1.MapOrganizationsApi();
        v1.MapCustomersApi();
        v1.MapCustomerSessionsApi();
        v1.MapMetersApi();
        v1.MapEventsApi();
        v1.MapCustomerMetersApi();
        v1.MapSubscriptionsApi();
        v1.MapBenefitGrantsApi();
        v1.MapCustomerSeatsApi();
        return app;
    }
}
