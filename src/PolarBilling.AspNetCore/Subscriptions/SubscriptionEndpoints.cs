using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PolarBilling.AspNetCore.Endpoints;
using PolarBilling.Client;
using PolarBilling.Plans;

namespace PolarBilling.AspNetCore.Subscriptions;

/// <summary>The signed-in user's subscription: read, upgrade, downgrade, cancel, resume. Only ever their own.</summary>
internal static class SubscriptionEndpoints
{
    private static readonly string[] Prorations = ["invoice", "prorate", "next_period"];

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> GetSubscriptionAsync(
        ClaimsPrincipal principal, BillingServices billing, CancellationToken cancellationToken)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        return TypedResults.Ok(await billing.Views.GetAsync(user.Id, null, cancellationToken));
    }

    public static Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> UpgradeAsync(
        ClaimsPrincipal principal, ChangePlanRequest request, BillingServices billing, CancellationToken cancellationToken) =>
        ChangePlanAsync(principal, request, upgrade: true, billing, cancellationToken);

    public static Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> DowngradeAsync(
        ClaimsPrincipal principal, ChangePlanRequest request, BillingServices billing, CancellationToken cancellationToken) =>
        ChangePlanAsync(principal, request, upgrade: false, billing, cancellationToken);

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> CancelAsync(
        ClaimsPrincipal principal, BillingServices billing, CancellationToken cancellationToken, bool immediately = false)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        if (await billing.Views.FindRunningAsync(user.Id, cancellationToken) is not { } current)
        {
            return BillingProblems.Conflict("No subscription to cancel.", "You have no active subscription.");
        }

        if (!immediately && current.CancelAtPeriodEnd)
        {
            return BillingProblems.Conflict("Already canceled.", "The subscription already ends at the end of its period; resume it to keep it.");
        }

        var canceled = immediately
            ? await billing.Polar.Subscriptions.RevokeAsync(current.Id, cancellationToken: cancellationToken)
            : await billing.Polar.Subscriptions.CancelAtPeriodEndAsync(current.Id, cancellationToken: cancellationToken);
        await billing.Projection.SubscriptionAsync(canceled, cancellationToken);
        return TypedResults.Ok(await billing.Views.GetAsync(user.Id, null, cancellationToken));
    }

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> ResumeAsync(
        ClaimsPrincipal principal, BillingServices billing, CancellationToken cancellationToken)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        if (await billing.Views.FindRunningAsync(user.Id, cancellationToken) is not { CancelAtPeriodEnd: true } current)
        {
            return BillingProblems.Conflict("Nothing to resume.", "You have no subscription that is set to end at the end of its period.");
        }

        var resumed = await billing.Polar.Subscriptions.UncancelAsync(current.Id, cancellationToken: cancellationToken);
        await billing.Projection.SubscriptionAsync(resumed, cancellationToken);
        return TypedResults.Ok(await billing.Views.GetAsync(user.Id, null, cancellationToken));
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> ChangePlanAsync(
        ClaimsPrincipal principal, ChangePlanRequest request, bool upgrade, BillingServices billing, CancellationToken cancellationToken)
    {
        if (billing.Users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        var validKeys = string.Join(", ", billing.Catalog.Subscriptions.Select(p => p.Key));
        if (billing.Catalog.Find(request.Plan) is not { Kind: BillingPlanKind.Subscription } target)
        {
            return BillingProblems.BadRequest("Unknown plan.", $"'{request.Plan}' is not a subscription plan; valid plans: {validKeys}.");
        }

        var proration = request.Proration ?? (upgrade ? billing.Options.UpgradeProration : billing.Options.DowngradeProration);
        if (!Prorations.Contains(proration, StringComparer.Ordinal))
        {
            return BillingProblems.BadRequest("Unknown proration.", "'proration' must be 'invoice', 'prorate' or 'next_period'.");
        }

        if (await billing.Views.FindRunningAsync(user.Id, cancellationToken) is not { } current)
        {
            return BillingProblems.Conflict("No subscription to change.", $"You have no active subscription; start one with POST {billing.Options.RoutePrefix}/billing/checkout.");
        }

        var from = billing.Catalog.FindByProductId(current.ProductId) ?? billing.Catalog.Find(current.PlanKey);
        if (from is null || (upgrade ? target.Rank <= from.Rank : target.Rank >= from.Rank))
        {
            return BillingProblems.BadRequest(
                upgrade ? "Not an upgrade." : "Not a downgrade.",
                $"'{target.Key}' does not rank {(upgrade ? "above" : "below")} your current plan '{from?.Key ?? current.ProductId}'; use {(upgrade ? "downgrade" : "upgrade")} instead.");
        }

        var changed = await billing.Polar.Subscriptions.ChangeProductAsync(
            current.Id, target.ProductId!, new SubscriptionProrationBehavior(proration), cancellationToken: cancellationToken);
        await billing.Projection.SubscriptionAsync(changed, cancellationToken);
        return TypedResults.Ok(await billing.Views.GetAsync(user.Id, changed.PendingUpdate?.ProductId, cancellationToken));
    }
}
