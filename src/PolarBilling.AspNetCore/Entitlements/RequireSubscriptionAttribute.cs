using Microsoft.AspNetCore.Authorization;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>
/// Allows a controller or action only for signed-in users whose plan is <see cref="Plan"/> or ranks above it (or, for
/// a one-time product, who bought it). Otherwise 403 ProblemDetails naming the plan and the upgrade URL; 401 when not
/// signed in. An unknown plan key fails the app's startup.
/// </summary>
/// <param name="plan">The plan key, e.g. <c>pro</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireSubscriptionAttribute(string plan) : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>The plan key.</summary>
    public string Plan { get; } = plan;

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [EntitlementRequirement.Subscription(Plan)];
}
