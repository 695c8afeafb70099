using Microsoft.AspNetCore.Http;
using PolarBilling.AspNetCore.Entitlements;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Entitlement gates for endpoints (minimal APIs, groups, controllers' conventions): each requires a signed-in user
/// (401 otherwise) and answers 403 ProblemDetails (<c>title</c> "Upgrade required", <c>requiredPlan</c>,
/// <c>upgradeUrl</c>, <c>currentPlan</c>) when the user's plan does not allow the request. Needs
/// <c>app.UseAuthentication()</c> and <c>app.UseAuthorization()</c>.
/// </summary>
public static class EntitlementEndpointConventionBuilderExtensions
{
    /// <summary>Allows users on <paramref name="plan"/> or a higher-ranked plan (or who bought that one-time product).</summary>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="plan">A plan key of the catalog; an unknown key fails the app's startup.</param>
    public static TBuilder RequireSubscription<TBuilder>(this TBuilder builder, string plan)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(plan);
        return builder.WithMetadata(new EntitlementGate(EntitlementRequirement.Subscription(plan)));
    }

    /// <summary>Allows users granted the feature flag (by their plan or a one-time purchase).</summary>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="feature">The feature flag, e.g. <c>api-access</c>.</param>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, string feature)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        return builder.WithMetadata(new EntitlementGate(EntitlementRequirement.Feature(feature)));
    }

    /// <summary>Allows the request while the user's current usage of <paramref name="limit"/> is below their plan's limit.</summary>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="limit">The limit's name, e.g. <c>agents</c>.</param>
    /// <param name="currentUsage">Counts the user's current usage (called per request, after sign-in is checked).</param>
    public static TBuilder RequireLimit<TBuilder>(this TBuilder builder, string limit, Func<HttpContext, ValueTask<long>> currentUsage)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(limit);
        ArgumentNullException.ThrowIfNull(currentUsage);
        return builder.WithMetadata(new EntitlementGate(EntitlementRequirement.Limit(limit, 1, currentUsage)));
    }

    /// <summary>Allows the request when the user's plan allows at least <paramref name="amount"/> of <paramref name="limit"/> (e.g. a 10-seat feature).</summary>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="limit">The limit's name.</param>
    /// <param name="amount">The amount the plan must allow; 0 or more.</param>
    public static TBuilder RequireLimit<TBuilder>(this TBuilder builder, string limit, long amount)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(limit);
        return builder.WithMetadata(new EntitlementGate(EntitlementRequirement.Limit(limit, amount, usage: null)));
    }

    /// <summary>Allows the request while the usage counted by <typeparamref name="TUsage"/> is below the user's limit.</summary>
    /// <typeparam name="TUsage">Counts the usage; resolved from the request's services, else created with them.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="limit">The limit's name.</param>
    public static RouteHandlerBuilder RequireLimit<TUsage>(this RouteHandlerBuilder builder, string limit)
        where TUsage : ILimitUsage
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(limit);
        return builder.WithMetadata(new EntitlementGate(EntitlementRequirement.Limit(limit, 1, typeof(TUsage))));
    }
}
