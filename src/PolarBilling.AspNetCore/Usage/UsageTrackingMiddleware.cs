using Microsoft.AspNetCore.Http;
using PolarBilling.AspNetCore.Identity;
using PolarBilling.Usage;

namespace PolarBilling.AspNetCore.Usage;

/// <summary>
/// Records usage for endpoints carrying <see cref="TrackUsageAttribute"/> after they ran: only for a signed-in user
/// and a response status below 400. An untracked request costs one metadata lookup and allocates nothing.
/// </summary>
internal sealed class UsageTrackingMiddleware(RequestDelegate next, IUsageMeter meter, IBillingUserResolver users)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<TrackUsageAttribute>() is { } tracked
            && context.Response.StatusCode < StatusCodes.Status400BadRequest
            && context.User.Identity?.IsAuthenticated == true
            && users.Resolve(context.User) is { } user)
        {
            meter.Record(user.Id, tracked.Meter, tracked.Quantity);
        }
    }
}
