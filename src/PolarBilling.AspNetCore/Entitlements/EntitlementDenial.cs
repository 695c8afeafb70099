using Microsoft.AspNetCore.Authorization;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>Why an entitlement gate said no: what was required, what the user has, and the plan that would allow it.</summary>
internal sealed class EntitlementDenial(IAuthorizationHandler handler, EntitlementRequirement requirement, string message)
    : AuthorizationFailureReason(handler, message)
{
    public EntitlementRequirement Requirement { get; } = requirement;

    /// <summary>The user's plan key now.</summary>
    public required string CurrentPlan { get; init; }

    /// <summary>The cheapest plan that would allow the request, if any.</summary>
    public string? RequiredPlan { get; init; }

    /// <summary>For a limit: the user's limit.</summary>
    public long? Allowed { get; init; }

    /// <summary>For a limit: the current usage.</summary>
    public long? Usage { get; init; }
}
