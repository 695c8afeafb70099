using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <content><c>subscriptions:create</c> (free recurring products only) and <c>subscriptions:revoke</c>.</content>
internal static partial class SubscriptionsApi
{
    private static IResult Create(HttpContext context, EmulatorState state)
    {
        var body = context.Body();
        var productId = body.GetProperty("product_id").GetString()!;
        var byId = body.TryGetProperty("customer_id", out var customerValue);
        var customerKey = byId ? customerValue.GetString()! : body.GetProperty("external_customer_id").GetString()!;
        var metadata = context.Body<SubscriptionCreate>().Metadata;
        lock (state.Gate)
        {
            // Polar checks the product first (every issue at once), then the customer.
            var product = state.Products.Find(productId);
            var problem = product switch
            {
                null => "Product does not exist.",
                { IsRecurring: false } => "Product is not a recurring product.",
                _ when product.Prices.Any(p => p is LegacyRecurringProductPrice) => "Legacy recurring products are not supported.",
                _ when !IsFree(product) => "Product is not free. The customer should go through a checkout to create a paid subscription.",
                _ => null,
            };
            if (problem is not null)
            {
                throw Problems.InvalidField("product_id", problem, JsonValue.Create(productId));
            }

            var customer = byId
                ? state.Customers.Find(customerKey)
                : state.Customers.All.FirstOrDefault(c => c.ExternalId == customerKey);
            if (customer is null || customer.DeletedAt is not null)
            {
                throw Problems.InvalidField(byId ? "customer_id" : "external_customer_id", "Customer does not exist.", JsonValue.Create(customerKey));
            }

            var prices = CurrentPrices(product!, "usd");
            var subscription = SubscriptionEngine.Start(state, new SubscriptionStart(customer, product!, prices, null, null, null, metadata, null));
            return ApiResults.Created(SubscriptionViews.Refresh(state, subscription));
        }
    }

    private static IResult Revoke(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var subscription = state.Subscriptions.Get(id);
            SubscriptionLifecycle.Revoke(state, subscription, reason: null, comment: null);
            return ApiResults.Json(SubscriptionViews.Refresh(state, subscription));
        }
    }

    /// <summary>The product's prices a new subscription bills (not archived, in the currency; Polar's <c>PriceSet.from_product</c>).</summary>
    internal static List<ProductPrice> CurrentPrices(Product product, string currency)
    {
        var live = product.Prices.Where(p => !p.IsArchived).ToList();
        var inCurrency = live.Where(p => string.Equals(p.PriceCurrency, currency, StringComparison.OrdinalIgnoreCase)).ToList();
        return inCurrency.Count > 0 ? inCurrency : live;
    }

    // Polar: the default price (the first static one) must be free; a product with metered prices only is free to start.
    private static bool IsFree(Product product)
    {
        var first = CurrentPrices(product, "usd").FirstOrDefault(PriceAmounts.IsStatic);
        return first switch
        {
            null => true,
            ProductPriceFixed fixedPrice => fixedPrice.PriceAmount == 0,
            ProductPriceSeatBased seat => seat.SeatTiers.Tiers.All(t => t.PricePerSeat == 0),
            _ => false,
        };
    }
}
