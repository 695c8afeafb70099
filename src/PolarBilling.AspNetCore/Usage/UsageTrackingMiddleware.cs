using Microsoft.AspNetCore.Http;
using PolarBilling.AspNetCore.Identity;
using PolarBilling.Usage;

namespace PolarBilling.AspNetCore.Usage;

/// <summary>
/// Records usage for endpoints carrying <see cref="TrackUsageAttribute"/> after they ran: only for a signed-in user
/// and a response status below 400. Placed after routing (the endpoint is known up front), an untracked request
/// passes straight through; placed first (the default), it also costs nothing extra when the rest of the pipeline
/// completes synchronously, and one awaited continuation otherwise.
/// </summary>
internal sealed class UsageTrackingMiddleware(RequestDelegate next, IUsageMeter meter, IBillingUserResolver users)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } routed && routed.Metadata.GetMetadata<TrackUsageAttribute>() is null)
        {
            return next(context);
        }

        var running = next(context);
        if (!running.IsCompletedSuccessfully)
        {
            return AfterAsync(running, context);
        }

        Record(context);
        return Task.CompletedTask;
    }

    private async Task AfterAsync(Task running, HttpContext context)
    {
        await running;
        Record(context);
    }

    private void Record(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<TrackUsageAttribute>() is { } tracked
            && context.Response.StatusCode < StatusCodes.Status400BadRequest
            && context.User.Identity?.IsAuthenticated == true
            && users.Resolve(context.User) is { } user)
        {
            meter.Record(user.Id, tracked.Meter, tracked.Quantity);
        }
    }
}
