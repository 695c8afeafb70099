using Microsoft.AspNetCore.Authorization;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>
/// Allows a controller or action only while the user's current usage of <see cref="Limit"/> plus <see cref="Amount"/>
/// fits in their plan's limit: with <see cref="Usage"/> = <c>typeof(AgentCount)</c> (an <see cref="ILimitUsage"/>) and
/// the default amount 1, creating an agent is allowed while the user has fewer agents than the limit. Without
/// <see cref="Usage"/> the usage is 0 (the plan must allow <see cref="Amount"/>). Otherwise 403 ProblemDetails.
/// </summary>
/// <param name="limit">The limit's name, e.g. <c>agents</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireLimitAttribute(string limit) : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>The limit's name.</summary>
    public string Limit { get; } = limit;

    /// <summary>An <see cref="ILimitUsage"/> type counting the current usage; none means 0.</summary>
    public Type? Usage { get; set; }

    /// <summary>How much the request needs on top of the current usage. Default 1.</summary>
    public long Amount { get; set; } = 1;

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        [Usage is null ? EntitlementRequirement.Limit(Limit, Amount, usage: null) : EntitlementRequirement.Limit(Limit, Amount, Usage)];
}
