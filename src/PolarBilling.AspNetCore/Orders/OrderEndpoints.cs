using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PolarBilling.AspNetCore.Endpoints;
using PolarBilling.Client;

namespace PolarBilling.AspNetCore.Orders;

/// <summary>The user's payment history from the projection, and their invoices (only theirs).</summary>
internal static class OrderEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<OrderView>>, ProblemHttpResult>> ListOrdersAsync(
        ClaimsPrincipal principal, BillingServices billing, CancellationToken cancellationToken)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        if (await billing.Store.FindCustomerByUserIdAsync(user.Id, cancellationToken) is not { } customer)
        {
            return TypedResults.Ok<IReadOnlyList<OrderView>>([]);
        }

        var prefix = billing.Options.RoutePrefix.TrimEnd('/');
        var orders = await billing.Store.ListOrdersAsync(customer.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OrderView>>([.. orders
            .OrderByDescending(o => o.PaidAt ?? o.PolarModifiedAt)
            .Select(o => new OrderView(
                o.Id, o.PaidAt ?? o.PolarModifiedAt, o.Status, o.BillingReason, o.ProductId, billing.Catalog.FindByProductId(o.ProductId)?.Key,
                o.SubtotalAmount, o.DiscountAmount, o.TaxAmount, o.TotalAmount, o.RefundedAmount, o.Currency,
                o.Paid ? $"{prefix}/billing/orders/{Uri.EscapeDataString(o.Id)}/invoice" : null))]);
    }

    /// <summary>Redirects to Polar's invoice of one of the user's paid orders, asking Polar to generate it first if needed.</summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> GetInvoiceAsync(
        string id, ClaimsPrincipal principal, BillingServices billing, TimeProvider time, CancellationToken cancellationToken)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        var customer = await billing.Store.FindCustomerByUserIdAsync(user.Id, cancellationToken);
        var owned = customer is null ? null : (await billing.Store.ListOrdersAsync(customer.Id, cancellationToken)).FirstOrDefault(o => o.Id == id);
        if (owned is null)
        {
            return BillingProblems.NotFound("Order not found.", "No order with this id belongs to you.");
        }

        var order = await billing.Polar.Orders.GetAsync(id, cancellationToken: cancellationToken);
        if (order.Customer?.ExternalId is { } owner && owner != user.Id)
        {
            return BillingProblems.NotFound("Order not found.", "No order with this id belongs to you.");
        }

        if (!order.Paid)
        {
            return BillingProblems.Conflict("No invoice yet.", "Invoices exist for paid orders only.");
        }

        if (!order.IsInvoiceGenerated)
        {
            try
            {
                await billing.Polar.Orders.GenerateInvoiceAsync(id, cancellationToken: cancellationToken);
            }
            catch (PolarApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity)
            {
                return BillingProblems.Conflict("Invoice unavailable.", "Polar needs a billing name and address for an invoice: add them in the customer portal, then try again.");
            }
        }

        // Polar renders the invoice asynchronously after the generate call: poll briefly.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var invoice = await billing.Polar.Orders.GetInvoiceAsync(id, cancellationToken: cancellationToken);
                return TypedResults.Redirect(invoice.Url);
            }
            catch (PolarNotFoundException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), time, cancellationToken);
            }
        }
    }
}
