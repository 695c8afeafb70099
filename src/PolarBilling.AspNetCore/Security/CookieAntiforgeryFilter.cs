using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PolarBilling.AspNetCore.Security;

/// <summary>
/// Cross-site request forgery guard for the JSON billing endpoints. A request that changes something and carries no
/// <c>Authorization</c> header was authenticated by an ambient credential (a cookie), which a browser also sends
/// from other sites; it must carry the antiforgery token header (<c>RequestVerificationToken</c>, from
/// <c>GET {prefix}/billing/antiforgery</c>). Header credentials (bearer tokens) cannot be forged cross-site and pass.
/// </summary>
internal sealed class CookieAntiforgeryFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && string.IsNullOrEmpty(http.Request.Headers.Authorization))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(
                    title: "Missing or invalid antiforgery token.",
                    detail: "Cookie-authenticated requests must send the token from GET /billing/antiforgery in the RequestVerificationToken header.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}
