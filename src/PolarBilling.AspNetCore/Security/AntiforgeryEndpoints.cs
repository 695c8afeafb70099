using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PolarBilling.AspNetCore.Security;

/// <summary>Issues the antiforgery token (and its cookie) that cookie-authenticated pages send with billing changes.</summary>
internal static class AntiforgeryEndpoints
{
    public static Ok<AntiforgeryToken> GetToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName ?? "RequestVerificationToken"));
    }
}
