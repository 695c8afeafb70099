using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PolarBilling.Diagnostics;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>
/// Turns an entitlement denial into a 403 ProblemDetails (<c>title</c> "Upgrade required", <c>requiredPlan</c>,
/// <c>upgradeUrl</c>, <c>currentPlan</c>, <c>feature</c>/<c>limit</c>) and counts it; every other outcome (401
/// challenges, other 403s) goes to ASP.NET Core's default handling.
/// </summary>
internal sealed class EntitlementDenialResultHandler(IOptions<PolarBillingOptions> options, PolarBillingMetrics metrics) : IAuthorizationMiddlewareResultHandler
{
    /// <summary>The ProblemDetails <c>type</c> of a denial.</summary>
    public const string ProblemType = "https://tools.ietf.org/html/rfc9110#section-15.5.4";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var denial = authorizeResult.Forbidden ? authorizeResult.AuthorizationFailure?.FailureReasons.OfType<EntitlementDenial>().FirstOrDefault() : null;
        if (denial is null)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var requirement = denial.Requirement;
        var kind = requirement.Kind switch
        {
            Entitlements.EntitlementRequirementKind.Subscription => "subscription",
            Entitlements.EntitlementRequirementKind.Feature => "feature",
            _ => "limit",
        };
        metrics.EntitlementDenied(kind);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["requiredPlan"] = denial.RequiredPlan,
            ["upgradeUrl"] = options.Value.UpgradeUrl,
            ["currentPlan"] = denial.CurrentPlan,
        };
        if (requirement.Kind == Entitlements.EntitlementRequirementKind.Feature)
        {
            extensions["feature"] = requirement.Name;
        }
        else if (requirement.Kind == Entitlements.EntitlementRequirementKind.Limit)
        {
            extensions["limit"] = requirement.Name;
            extensions["allowed"] = denial.Allowed;
            extensions["usage"] = denial.Usage;
            extensions["requested"] = requirement.Requested;
        }

        return TypedResults.Problem(denial.Message, statusCode: StatusCodes.Status403Forbidden, title: "Upgrade required", type: ProblemType, extensions: extensions)
            .ExecuteAsync(context);
    }
}
