using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PolarBilling.AspNetCore.Endpoints;
using PolarBilling.Client;

namespace PolarBilling.AspNetCore.Checkouts;

internal static partial class CheckoutEndpoints
{
    /// <summary>
    /// For the success page: reads the checkout from Polar, checks it is the user's, and projects its outcome (the
    /// customer, the subscription and the order) at once, so the page shows the new plan without waiting for webhooks.
    /// Someone else's checkout answers 404, exactly like a missing one.
    /// </summary>
    public static async Task<Results<Ok<CheckoutConfirmation>, ProblemHttpResult>> ConfirmCheckoutAsync(
        string id, ClaimsPrincipal principal, BillingServices billing, CancellationToken cancellationToken)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        Checkout checkout;
        try
        {
            checkout = await billing.Polar.Checkouts.GetAsync(id, cancellationToken: cancellationToken);
        }
        catch (PolarNotFoundException)
        {
            return NotYours();
        }

        var metadataUser = checkout.Metadata.TryGetValue(UserIdMetadata, out var value) ? value.ToString() : null;
        if (checkout.ExternalCustomerId != user.Id && (checkout.ExternalCustomerId is not null || metadataUser != user.Id))
        {
            return NotYours();
        }

        string? orderId = null;
        if (checkout.Status == CheckoutStatus.Succeeded && checkout.CustomerId is { } customerId)
        {
            var customer = await billing.Polar.Customers.GetAsync(customerId, cancellationToken: cancellationToken);
            if (customer.ExternalId != user.Id)
            {
                return NotYours();
            }

            await billing.Projection.CustomerAsync(customer, cancellationToken);
            var subscriptions = await billing.Polar.Subscriptions.ListAsync(new SubscriptionListOptions { CustomerId = [customerId] }, cancellationToken: cancellationToken);
            foreach (var subscription in subscriptions.Items.Where(s => s.CheckoutId == checkout.Id || s.Id == checkout.SubscriptionId))
            {
                await billing.Projection.SubscriptionAsync(subscription, cancellationToken);
            }

            var orders = await billing.Polar.Orders.ListAsync(new OrderListOptions { CheckoutId = [checkout.Id] }, cancellationToken: cancellationToken);
            foreach (var order in orders.Items.Where(o => o.CustomerId == customerId))
            {
                await billing.Projection.OrderAsync(order, cancellationToken);
                orderId ??= order.Id;
            }
        }

        var view = await billing.Views.GetAsync(user.Id, null, cancellationToken);
        return TypedResults.Ok(new CheckoutConfirmation(checkout.Status.Value, billing.Catalog.FindByProductId(checkout.ProductId)?.Key, orderId, view));
    }

    private static ProblemHttpResult NotYours() => BillingProblems.NotFound("Checkout not found.", "No checkout with this id belongs to you.");
}
