using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PolarBilling.AspNetCore.Endpoints;
using PolarBilling.AspNetCore.Security;
using PolarBilling.Client;

namespace PolarBilling.AspNetCore.Portal;

/// <summary>Opens Polar's customer portal for the signed-in user's own customer (found by <c>external_customer_id</c>).</summary>
internal static class PortalEndpoints
{
    public static async Task<Results<Ok<PortalLink>, RedirectHttpResult, ProblemHttpResult>> GetPortalAsync(
        ClaimsPrincipal principal, HttpContext context, BillingServices billing, CancellationToken cancellationToken,
        bool redirect = false, string? returnUrl = null)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        var back = RedirectUrlPolicy.Resolve(returnUrl ?? billing.Options.UpgradeUrl, context.Request, billing.Options.AllowedRedirectOrigins);
        if (back is null)
        {
            return BillingProblems.RedirectNotAllowed("returnUrl");
        }

        CustomerSession session;
        try
        {
            session = await billing.Polar.CustomerSessions.CreateForExternalCustomerAsync(user.Id, back, cancellationToken: cancellationToken);
        }
        catch (PolarApiException ex) when (ex is PolarNotFoundException or PolarValidationException)
        {
            return BillingProblems.NotFound("No billing account yet.", "You are not a customer yet: buy a plan first.");
        }

        return redirect ? TypedResults.Redirect(session.CustomerPortalUrl) : TypedResults.Ok(new PortalLink(session.CustomerPortalUrl));
    }
}
