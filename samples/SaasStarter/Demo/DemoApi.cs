using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PolarBilling.Entitlements;

namespace SaasStarter.Demo;

/// <summary>JSON examples gated by plan: <c>GET /api/demo/pro</c> (Pro or higher) and <c>GET /api/demo/enterprise</c>.</summary>
internal static class DemoApi
{
    /// <summary>Maps the demo endpoints under <c>/api/demo</c>.</summary>
    public static RouteGroupBuilder MapDemoApi(this IEndpointRouteBuilder app)
    {
        var demo = app.MapGroup("/api/demo").RequireAuthorization().WithTags("Demo");
        demo.MapGet("/pro", GetProAsync)
            .RequireSubscription("pro")
            .WithName("DemoPro")
            .WithSummary("An example of a Pro feature: answers 403 with the plan to upgrade to for Free users.");
        demo.MapGet("/enterprise", GetEnterpriseAsync)
            .RequireSubscription("enterprise")
            .WithName("DemoEnterprise")
            .WithSummary("An example of an Enterprise feature.");
        return demo;
    }

    private static async Task<Ok<DemoResponse>> GetProAsync(ClaimsPrincipal user, [FromServices] IEntitlements entitlements, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DescribeAsync("Pro analytics: 1,204 agent runs this month.", user, entitlements, cancellationToken));

    private static async Task<Ok<DemoResponse>> GetEnterpriseAsync(ClaimsPrincipal user, [FromServices] IEntitlements entitlements, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DescribeAsync("Enterprise audit log: SSO enforced for 3 domains.", user, entitlements, cancellationToken));

    private static async Task<DemoResponse> DescribeAsync(string message, ClaimsPrincipal user, IEntitlements entitlements, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var granted = await entitlements.GetAsync(userId, cancellationToken);
        return new DemoResponse(message, granted.Plan.Key, granted.Status, [.. granted.Features.Order(StringComparer.Ordinal)], granted.Limit("agents"));
    }
}
