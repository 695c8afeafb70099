using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Organizations;

/// <summary>
/// <c>/v1/organizations/</c>: the organization the access token belongs to, read and updated as Polar does. An
/// organization token sees exactly its own organization and cannot create others.
/// </summary>
internal static partial class OrganizationsApi
{
    private static readonly SortKeys<Organization> Sort = new SortKeys<Organization>(o => o.Id)
        .Add("created_at", o => o.CreatedAt)
        .Add("slug", o => o.Slug)
        .Add("name", o => o.Name)
        .Add("next_review_threshold", _ => null)
        .Add("days_in_status", _ => null);

    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/organizations/", List).WithPolarOperation("organizations:list");
        v1.MapPost("/organizations/", Create).WithPolarOperation("organizations:create");
        v1.MapGet("/organizations/{id}", Get).WithPolarOperation("organizations:get");
        v1.MapPatch("/organizations/{id}", Update).WithPolarOperation("organizations:update");
        return v1;
    }

    /// <summary>The organization's <c>Organization</c> object; the state's <see cref="OrganizationProfile"/> keeps it.</summary>
    public static Organization Current(EmulatorState state) => state.OrganizationProfile.Current;

    private static IResult List(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var query = ListQuery.From(context);
            var slug = query.String("slug");
            var organization = Current(state);
            Organization[] matching = slug is null || slug == organization.Slug ? [organization] : [];
            return query.Answer(matching, Sort, "created_at");
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(Find(state, id));
        }
    }

    /// <summary>
    /// Polar's authenticator lets only users create organizations: an organization token is refused before any
    /// validation with 400 <c>UnsupportedSubjectType</c> (server <c>auth/dependencies.py</c>).
    /// </summary>
    private static IResult Create() =>
        throw Problems.Error(400, "UnsupportedSubjectType", "This endpoint does not support Organization tokens.");

    private static Organization Find(EmulatorState state, string id)
    {
        var organization = Current(state);
        return string.Equals(organization.Id, UuidInput.Path(id), StringComparison.OrdinalIgnoreCase) ? organization : throw Problems.NotFound();
    }
}
