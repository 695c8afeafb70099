using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using PolarBilling.Emulator.Contract;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Faults;

/// <summary>
/// Puts the fault rules in front of Polar's request pipeline for <c>/v1/</c> requests. A faulted request never reaches
/// its handler, so it changes nothing, unless its rule says <c>after_commit</c>: then the request is served for real
/// (its answer thrown away) and the client still sees the error or the dropped connection, as when Polar committed a
/// write and the answer was lost.
/// </summary>
internal sealed class ApiFaultInjector
{
    private readonly FaultRegistry _faults;

    public ApiFaultInjector(FaultRegistry faults) => _faults = faults;

    /// <summary>Serves <paramref name="context"/> through <paramref name="serve"/>, with whatever faults the rules decide.</summary>
    public async Task InvokeAsync(HttpContext context, Func<HttpContext, Task> serve)
    {
        if (!_faults.HasRules)
        {
            await serve(context);
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<PolarOperation>()?.Spec
            ?? PolarContract.FindOperation(context.Request.Method, path);
        var plan = _faults.DecideApi(context.Request.Method, path, operation);
        if (plan is null)
        {
            await serve(context);
            return;
        }

        if (plan.LatencyMilliseconds > 0)
        {
            try
            {
                // Real time: the emulator's billing clock may be frozen in tests, latency is for the client's timers.
                // Timers run on a coarse tick and may fire a millisecond early, so wait again until the
                // high-resolution clock agrees: a latency rule promises at least its milliseconds.
                var latency = TimeSpan.FromMilliseconds(plan.LatencyMilliseconds);
                var started = TimeProvider.System.GetTimestamp();
                for (var left = latency; left > TimeSpan.Zero; left = latency - TimeProvider.System.GetElapsedTime(started))
                {
                    await Task.Delay(left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left, TimeProvider.System, context.RequestAborted);
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        if (plan.Outcome is not { } rule)
        {
            await serve(context);
            return;
        }

        if (rule.AfterCommit)
        {
            await ServeUnansweredAsync(context, serve);
        }

        switch (rule.Action)
        {
            case FaultAction.Drop:
                context.Abort();
                break;
            case FaultAction.RateLimit:
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = rule.RetryAfter.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                await WriteErrorAsync(context, rule);
                break;
        }
    }

    /// <summary>Runs the real request with its answer going nowhere, so the state changes but nothing reaches the client yet.</summary>
    private static async Task ServeUnansweredAsync(HttpContext context, Func<HttpContext, Task> serve)
    {
        var realBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var discarded = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(discarded));
        try
        {
            await serve(context);
        }
        finally
        {
            context.Features.Set(realBody);
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, FaultRule rule)
    {
        context.Response.Clear();
        context.Response.StatusCode = rule.Status;
        context.Response.ContentType = "application/json";
        var body = new JsonObject
        {
            ["error"] = ErrorName(rule.Status),
            ["detail"] = rule.Detail ?? $"Injected by the emulator's fault rule {rule.Id}{(rule.AfterCommit ? " after the request was carried out" : string.Empty)}.",
        };
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Polar's error names for the statuses it has them for; <c>InjectedFault</c> otherwise.</summary>
    private static string ErrorName(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "NotPermitted",
        404 => "ResourceNotFound",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "InjectedFault",
    };
}
