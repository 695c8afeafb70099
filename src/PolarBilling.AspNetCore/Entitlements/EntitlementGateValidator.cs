using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Plans;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>
/// Fails the app's startup when an endpoint (minimal API or controller) is gated on a plan key the catalog does not
/// have, so a typo is found at deploy time rather than as a 500 on the first request. A startup filter, because
/// endpoints are attached to routing only while the server builds the pipeline (after hosted services start).
/// </summary>
internal sealed class EntitlementGateValidator : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        Validate(app.ApplicationServices);
    };

    private static void Validate(IServiceProvider services)
    {
        if (services.GetService<EndpointDataSource>() is not { } endpoints)
        {
            return;
        }

        var catalog = services.GetRequiredService<BillingPlanCatalog>();
        var problems = new List<string>();
        foreach (var endpoint in endpoints.Endpoints)
        {
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>())
            {
                foreach (var requirement in data.GetRequirements().OfType<EntitlementRequirement>())
                {
                    if (requirement.Kind == EntitlementRequirementKind.Subscription && catalog.Find(requirement.Name) is null)
                    {
                        problems.Add($"Endpoint '{endpoint.DisplayName}' requires plan '{requirement.Name}', which is not in Polar:Plans (plans: {string.Join(", ", catalog.Plans.Select(p => p.Key))}).");
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems.Distinct()));
        }
    }
}
