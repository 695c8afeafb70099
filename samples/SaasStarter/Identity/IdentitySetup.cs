using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaasStarter.Billing;

namespace SaasStarter.Identity;

/// <summary>ASP.NET Core Identity on SQLite: cookies for the pages, cookies or bearer tokens for <c>/identity</c> scripts.</summary>
internal static class IdentitySetup
{
    private const string CookieOrBearer = "SaasStarter.CookieOrBearer";

    /// <summary>Registers Identity with its stores in <c>ConnectionStrings:Identity</c> (default <c>saasstarter.db</c> under the content root).</summary>
    public static void AddSaasStarterIdentity(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Identity") ?? "Data Source=saasstarter.db";
        builder.Services.AddDbContext<ApplicationDbContext>(o => o.UseSqlite(SqliteFiles.UnderContentRoot(connectionString, builder.Environment.ContentRootPath)));

        // Requests with an Authorization header use Identity's bearer tokens (POST /identity/login), the rest the cookie.
        builder.Services.AddAuthentication(CookieOrBearer)
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        builder.Services.AddIdentityCore<IdentityUser>(o => o.User.RequireUniqueEmail = true)
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddApiEndpoints();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/pricing";

            // JSON endpoints answer 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorization();
        builder.Services.AddHostedService<IdentityMigrationService>();
    }

    private static Task Answer(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/identity"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}
