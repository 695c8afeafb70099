using Microsoft.AspNetCore.Authorization;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>
/// Endpoint metadata added by the <c>.RequireSubscription/.RequireFeature/.RequireLimit</c> conventions: like
/// <see cref="AuthorizeAttribute"/> it requires a signed-in user (the default policy), plus the requirement.
/// </summary>
internal sealed class EntitlementGate(EntitlementRequirement requirement) : IAuthorizeData, IAuthorizationRequirementData
{
    public string? Policy { get; set; }

    public string? Roles { get; set; }

    public string? AuthenticationSchemes { get; set; }

    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [requirement];
}
