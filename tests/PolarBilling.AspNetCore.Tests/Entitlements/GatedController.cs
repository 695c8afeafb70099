using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PolarBilling.AspNetCore.Entitlements;

namespace PolarBilling.AspNetCore.Tests.Entitlements;

/// <summary>A controller gated by the attributes, as an MVC app would write it.</summary>
[ApiController]
[Route("mvc")]
public sealed class GatedController : ControllerBase
{
    [HttpGet("enterprise")]
    [RequireSubscription("enterprise")]
    public IActionResult Enterprise() => Ok(new { ok = true });

    [HttpGet("course")]
    [RequireFeature("course-access")]
    public IActionResult Course() => Ok(new { ok = true });

    [HttpPost("agents")]
    [RequireLimit("agents", Usage = typeof(QueryUsage))]
    public IActionResult CreateAgent() => Ok(new { ok = true });
}

/// <summary>Usage from the query string (<c>?have=3</c>), standing in for a count of the user's agents.</summary>
public sealed class QueryUsage : ILimitUsage
{
    public ValueTask<long> GetUsageAsync(HttpContext context, string limit) =>
        ValueTask.FromResult(long.TryParse(context.Request.Query["have"], out var have) ? have : 0);
}
