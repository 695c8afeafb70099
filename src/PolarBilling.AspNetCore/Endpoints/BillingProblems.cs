using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PolarBilling.AspNetCore.Endpoints;

/// <summary>The ProblemDetails the billing endpoints answer with: a stable title, a detail safe to show, never a secret.</summary>
internal static class BillingProblems
{
    public static ProblemHttpResult NoUser() => Problem(StatusCodes.Status403Forbidden, "No billing user.",
        "The signed-in user has no user id claim (NameIdentifier or sub), so it cannot have a Polar customer.");

    public static ProblemHttpResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status400BadRequest, title, detail, extensions);

    public static ProblemHttpResult NotFound(string title, string detail) => Problem(StatusCodes.Status404NotFound, title, detail);

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, title, detail, extensions);

    public static ProblemHttpResult RedirectNotAllowed(string field) => BadRequest("Redirect URL not allowed.",
        $"'{field}' must be a relative path such as '/billing/success' or an absolute URL on this site or on a configured Polar:AllowedRedirectOrigins origin.");

    public static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
