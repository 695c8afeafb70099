namespace PolarBilling.Emulator.Pages;

/// <summary>
/// How the hosted pages answer: HTML that is never cached and may not run scripts or load anything (a
/// <c>Content-Security-Policy</c> allowing only the inline style), or a 303 after a form post.
/// </summary>
internal static class PageResults
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'";

    public static IResult Html(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        Secure(context);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>303 See Other: the browser follows with a GET, so a reload never repeats the post.</summary>
    public static IResult SeeOther(HttpContext context, string location)
    {
        Secure(context);
        context.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static void Secure(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
