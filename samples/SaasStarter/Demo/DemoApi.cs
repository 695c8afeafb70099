using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PolarBilling.Entitlements;

namespace SaasStarter.Demo;

/// <summary>
/// JSON examples gated by plan: <c>GET /api/demo/pro</c> (Pro or higher), <c>GET /api/demo/enterprise</c>, and
/// <c>GET /api/demo/metered</c> (API plan or higher), whose successful calls are billed as the meter <c>api_calls</c>.
/// </summary>
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
        demo.MapGet("/metered", GetMetered)
            .RequireSubscription("api")
            .TrackUsage("api_calls")
            .WithName("DemoMetered")
            .WithSummary("A metered call: each successful answer counts one unit of api_calls (10,000 a month included on the API plan, then $0.01 each).");
        return demo;
    }

    private static async Task<Ok<DemoResponse>> GetProAsync(ClaimsPrincipal user, [FromServices] IEntitlements entitlements, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DescribeAsync("Pro analytics: 1,204 agent runs this month.", user, entitlements, cancellationToken));

    private static async Task<Ok<DemoResponse>> GetEnterpriseAsync(ClaimsPrincipal user, [FromServices] IEntitlements entitlements, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DescribeAsync("Enterprise audit log: SSO enforced for 3 domains.", user, entitlements, cancellationToken));

    private static Ok<MeteredResponse> GetMetered([FromServices] TimeProvider time) =>
        TypedResults.Ok(new MeteredResponse("Forecast for the next hour: 12 agent runs, 0 failures.", "api_calls", time.GetUtcNow()));

    private static async Task<DemoResponse> DescribeAsync(string message, ClaimsPrincipal user, IEntitlements entitlements, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var granted = await entitlements.GetAsync(userId, cancellationToken);
        return new DemoResponse(message, granted.Plan.Key, granted.Status, [.. granted.Features.Order(StringComparer.Ordinal)], granted.Limit("agents"));
    }
}
