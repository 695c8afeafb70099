using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>One entitlement gate, evaluated by <see cref="EntitlementAuthorizationHandler"/> against the signed-in user.</summary>
internal sealed class EntitlementRequirement : IAuthorizationRequirement
{
    private EntitlementRequirement(EntitlementRequirementKind kind, string name, long requested, Func<HttpContext, ValueTask<long>>? usage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(requested);
        Kind = kind;
        Name = name;
        Requested = requested;
        Usage = usage;
    }

    public EntitlementRequirementKind Kind { get; }

    /// <summary>The plan key, feature or limit name.</summary>
    public string Name { get; }

    /// <summary>For a limit: how much the request needs on top of the current usage.</summary>
    public long Requested { get; }

    /// <summary>For a limit: the user's current usage; none means 0.</summary>
    public Func<HttpContext, ValueTask<long>>? Usage { get; }

    public static EntitlementRequirement Subscription(string plan) => new(EntitlementRequirementKind.Subscription, plan, 0, null);

    public static EntitlementRequirement Feature(string feature) => new(EntitlementRequirementKind.Feature, feature, 0, null);

    public static EntitlementRequirement Limit(string limit, long requested, Func<HttpContext, ValueTask<long>>? usage) =>
        new(EntitlementRequirementKind.Limit, limit, requested, usage);

    /// <summary>A limit whose usage comes from a <see cref="ILimitUsage"/> type, resolved from the request's services (or created).</summary>
    public static EntitlementRequirement Limit(string limit, long requested, Type usageType)
    {
        ArgumentNullException.ThrowIfNull(usageType);
        if (!typeof(ILimitUsage).IsAssignableFrom(usageType))
        {
            throw new ArgumentException($"{usageType.FullName} must implement {nameof(ILimitUsage)} to count the usage of limit '{limit}'.", nameof(usageType));
        }

        return Limit(limit, requested, context =>
        {
            var usage = (ILimitUsage)ActivatorUtilities.GetServiceOrCreateInstance(context.RequestServices, usageType);
            return usage.GetUsageAsync(context, limit);
        });
    }
}
