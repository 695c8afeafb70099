using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// <c>GET /{org}/portal?customer_session_token=…</c> shows the portal; <c>POST /{org}/portal/…</c> runs one action
/// for the session's customer and answers 303 back to the portal with a notice (POST-redirect-GET). A missing,
/// unknown or expired token is 401; another organization's slug 404; a subscription or order of another customer 404;
/// a form without this page's form token 403; a refusal by Polar's rules re-renders the portal with Polar's message.
/// </summary>
internal static class PortalEndpoints
{
    public static IResult Show(HttpContext context, EmulatorState state, string slug)
    {
        lock (state.Gate)
        {
            if (Refuse(context, state, slug, context.Request.Query[PortalAccess.TokenField], out var access) is { } refusal)
            {
                return refusal;
            }

            var notice = PortalNotices.Message(context.Request.Query["notice"]);
            return PageResults.Html(context, PortalPage.Render(state, access!, notice, []));
        }
    }

    public static Task<IResult> CancelAsync(HttpContext context, EmulatorState state, string slug, string id) =>
        ActAsync(context, state, slug, (access, form) => PortalActions.Cancel(state, access, id));

    public static Task<IResult> UncancelAsync(HttpContext context, EmulatorState state, string slug, string id) =>
        ActAsync(context, state, slug, (access, form) => PortalActions.Uncancel(state, access, id));

    public static Task<IResult> ChangePlanAsync(HttpContext context, EmulatorState state, string slug, string id) =>
        ActAsync(context, state, slug, (access, form) => PortalActions.ChangePlan(state, access, id, form["product_id"].ToString()));

    public static Task<IResult> ReplaceCardAsync(HttpContext context, EmulatorState state, string slug) =>
        ActAsync(context, state, slug, (access, form) => PortalActions.ReplaceCard(state, access, form["card_number"].ToString()));

    public static Task<IResult> GenerateInvoiceAsync(HttpContext context, EmulatorState state, string slug, string id) =>
        ActAsync(context, state, slug, (access, form) => PortalActions.GenerateInvoice(state, access, id, form));

    // The action performs the change and returns the notice code, or null when the object is not the customer's (404).
    private static async Task<IResult> ActAsync(HttpContext context, EmulatorState state, string slug, Func<PortalAccess, IFormCollection, string?> action)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        lock (state.Gate)
        {
            if (Refuse(context, state, slug, form[PortalAccess.TokenField], out var access) is { } refusal)
            {
                return refusal;
            }

            if (!FormTokens.Matches(PortalAccess.Purpose, access!.Token, form[FormTokens.FieldName]))
            {
                return MessagePage.FormRefused(context, state);
            }

            try
            {
                return action(access, form) is { } notice
                    ? PageResults.SeeOther(context, access.Url(state, notice))
                    : MessagePage.Show(context, state, StatusCodes.Status404NotFound, "Not found", "There is no such subscription or order in your account.", "Customer portal");
            }
            catch (EmulatorProblem problem) when (problem.Status is >= 400 and < 500)
            {
                return PageResults.Html(context, PortalPage.Render(state, access, null, PageMessages.From(problem)), problem.Status);
            }
        }
    }

    private static IResult? Refuse(HttpContext context, EmulatorState state, string slug, string? token, out PortalAccess? access)
    {
        access = null;
        if (!string.Equals(slug, state.Organization.Slug, StringComparison.Ordinal))
        {
            return MessagePage.Show(context, state, StatusCodes.Status404NotFound, "Not found", "There is no customer portal at this address.", "Customer portal");
        }

        access = PortalAccess.Find(state, token);
        return access is not null ? null
            : MessagePage.Show(context, state, StatusCodes.Status401Unauthorized, "Session expired", "This portal link is invalid or has expired. Ask the merchant for a new one.", "Customer portal");
    }
}
