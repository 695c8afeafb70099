using Microsoft.AspNetCore.Authorization;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>
/// Allows a controller or action only for signed-in users granted the feature flag <see cref="Feature"/> (by their
/// plan or a one-time purchase). Otherwise 403 ProblemDetails naming the cheapest plan with it; 401 when not signed in.
/// </summary>
/// <param name="feature">The feature flag, e.g. <c>api-access</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireFeatureAttribute(string feature) : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>The feature flag.</summary>
    public string Feature { get; } = feature;

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [EntitlementRequirement.Feature(Feature)];
}
