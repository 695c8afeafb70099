using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using PolarBilling.AspNetCore.Identity;
using PolarBilling.Entitlements;
using PolarBilling.Plans;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>
/// Checks <see cref="EntitlementRequirement"/>s against the signed-in user's cached entitlements. Leaves anonymous
/// users to the default policy (401); a denial carries an <see cref="EntitlementDenial"/> for the 403 body.
/// </summary>
internal sealed class EntitlementAuthorizationHandler(IEntitlements entitlements, BillingPlanCatalog catalog, IBillingUserResolver users)
    : AuthorizationHandler<EntitlementRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EntitlementRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var http = context.Resource as HttpContext;
        var user = users.Resolve(context.User);
        if (user is null)
        {
            context.Fail(new EntitlementDenial(this, requirement, "The signed-in user has no id billing can use.") { CurrentPlan = catalog.Free.Key });
            return;
        }

        var granted = await entitlements.GetAsync(user.Id, http?.RequestAborted ?? default).ConfigureAwait(false);
        switch (requirement.Kind)
        {
            case EntitlementRequirementKind.Subscription:
                var plan = catalog.Find(requirement.Name)
                    ?? throw new InvalidOperationException($"RequireSubscription(\"{requirement.Name}\"): no plan '{requirement.Name}' in Polar:Plans.");
                if (granted.HasPlanAtLeast(plan))
                {
                    context.Succeed(requirement);
                }
                else
                {
                    context.Fail(new EntitlementDenial(this, requirement, $"This requires the {plan.Name} plan.") { CurrentPlan = granted.Plan.Key, RequiredPlan = plan.Key });
                }

                break;
            case EntitlementRequirementKind.Feature:
                if (granted.HasFeature(requirement.Name))
                {
                    context.Succeed(requirement);
                }
                else
                {
                    context.Fail(new EntitlementDenial(this, requirement, $"The feature '{requirement.Name}' is not in your plan.")
                    {
                        CurrentPlan = granted.Plan.Key,
                        RequiredPlan = CheapestPlan(p => p.Features.Contains(requirement.Name)),
                    });
                }

                break;
            default:
                var usage = requirement.Usage is null || http is null ? 0 : await requirement.Usage(http).ConfigureAwait(false);
                var allowed = granted.Limit(requirement.Name);
                var needed = usage + requirement.Requested;
                if (needed <= allowed)
                {
                    context.Succeed(requirement);
                }
                else
                {
                    context.Fail(new EntitlementDenial(this, requirement, $"Your plan allows {allowed} {requirement.Name}; this needs {needed}.")
                    {
                        CurrentPlan = granted.Plan.Key,
                        RequiredPlan = CheapestPlan(p => p.Limits.TryGetValue(requirement.Name, out var limit) && limit >= needed),
                        Allowed = allowed,
                        Usage = usage,
                    });
                }

                break;
        }
    }

    /// <summary>The lowest-ranked subscription plan that qualifies, else a one-time product that does.</summary>
    private string? CheapestPlan(Func<BillingPlan, bool> qualifies) =>
        (catalog.Subscriptions.FirstOrDefault(qualifies) ?? catalog.OneTimeProducts.FirstOrDefault(qualifies))?.Key;
}
