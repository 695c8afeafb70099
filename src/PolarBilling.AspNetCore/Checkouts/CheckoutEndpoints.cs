using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PolarBilling.AspNetCore.Endpoints;
using PolarBilling.AspNetCore.Security;
using PolarBilling.Client;
using PolarBilling.Plans;

namespace PolarBilling.AspNetCore.Checkouts;

/// <summary>Starts a Polar checkout for the signed-in user (as <c>external_customer_id</c>) and confirms its outcome.</summary>
internal static partial class CheckoutEndpoints
{
    /// <summary>The checkout metadata keys PolarBilling sets (copied by Polar onto the subscription or order).</summary>
    public const string UserIdMetadata = "user_id";
    public const string PlanMetadata = "plan";

    public static async Task<Results<Ok<CheckoutResponse>, ProblemHttpResult>> CreateCheckoutAsync(
        ClaimsPrincipal principal, CheckoutRequest request, HttpContext context, BillingServices billing, CheckoutRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        var plan = request.Plan is { } key ? billing.Catalog.Find(key)
            : request.Product is { } product ? billing.Catalog.Find(product) ?? billing.Catalog.FindByProductId(product)
            : null;
        if (plan is null)
        {
            return BillingProblems.BadRequest("Unknown plan.", $"Send {{\"plan\": key}} or {{\"product\": key or product id}}; valid keys: {billing.PaidPlanKeys}.");
        }

        if (plan.Kind == BillingPlanKind.Free)
        {
            return BillingProblems.BadRequest("Nothing to buy.", $"'{plan.Key}' is the free plan; valid keys: {billing.PaidPlanKeys}.");
        }

        var successUrl = RedirectUrlPolicy.Resolve(request.SuccessUrl ?? billing.Options.SuccessUrl, context.Request, billing.Options.AllowedRedirectOrigins);
        if (successUrl is null)
        {
            return BillingProblems.RedirectNotAllowed("successUrl");
        }

        if (plan.Kind == BillingPlanKind.Subscription && await billing.Views.FindRunningAsync(user.Id, cancellationToken) is { } current)
        {
            return BillingProblems.Conflict("Already subscribed.",
                $"You already have a subscription ({billing.Catalog.FindByProductId(current.ProductId)?.Key ?? current.ProductId}); change plans with PUT {billing.Options.RoutePrefix}/billing/subscription/upgrade or /downgrade.",
                new Dictionary<string, object?> { ["subscriptionId"] = current.Id });
        }

        if (limiter.TryAcquire(user.Id) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return BillingProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many checkouts.",
                $"At most {billing.Options.CheckoutsPerUserPerMinute} checkouts per minute; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.");
        }

        var create = new CheckoutProductsCreate
        {
            Products = [plan.ProductId!],
            ExternalCustomerId = user.Id,
            CustomerEmail = user.Email,
            CustomerName = user.Name,
            CustomerBillingName = user.Name,
            SuccessUrl = successUrl,
            ReturnUrl = RedirectUrlPolicy.Resolve(billing.Options.UpgradeUrl, context.Request, billing.Options.AllowedRedirectOrigins),
            Metadata = new() { [UserIdMetadata] = user.Id, [PlanMetadata] = plan.Key },
        };
        if (plan.Kind == BillingPlanKind.Subscription && plan.TrialDays > 0)
        {
            create.AllowTrial = true;
            create.TrialInterval = TrialInterval.Day;
            create.TrialIntervalCount = plan.TrialDays;
        }

        var checkout = await billing.Polar.Checkouts.CreateAsync(create, cancellationToken: cancellationToken);
        billing.Metrics.CheckoutCreated(plan.Key);
        return TypedResults.Ok(new CheckoutResponse(checkout.Url, checkout.Id));
    }
}
