using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Benefits;

/// <summary>
/// <c>/v1/benefits/</c> as Polar's <c>benefit/endpoints.py</c> and <c>benefit/service.py</c>. Deleted benefits are
/// soft-deleted: invisible here (404), still embedded in the grants that had them.
/// </summary>
internal static partial class BenefitsApi
{
    private static readonly SortKeys<Benefit> Sort = new SortKeys<Benefit>(b => b.Id)
        .Add("created_at", b => b.CreatedAt)
        .Add("description", b => b.Description)
        .Add("type", BenefitKinds.TypeOf)
        .Add("user_order", _ => null);

    private static readonly SortKeys<BenefitGrant> GrantSort = new SortKeys<BenefitGrant>(g => g.Id)
        .Add("created_at", g => g.CreatedAt);

    public static IEndpointRouteBuilder MapBenefitsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/benefits/", List).WithPolarOperation("benefits:list");
        v1.MapPost("/benefits/", Create).WithPolarOperation("benefits:create");
        v1.MapGet("/benefits/{id}", Get).WithPolarOperation("benefits:get");
        v1.MapPatch("/benefits/{id}", Update).WithPolarOperation("benefits:update");
        v1.MapDelete("/benefits/{id}", Delete).WithPolarOperation("benefits:delete");
        v1.MapGet("/benefits/{id}/grants", Grants).WithPolarOperation("benefits:grants");
        v1.MapGet("/benefits/{id}/files", Files).WithPolarOperation("benefits:files");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var q = ListQuery.From(context);
            var organizations = q.Strings("organization_id");
            var types = q.Strings("type");
            var ids = q.Strings("id");
            var excluded = q.Strings("exclude_id");
            var text = q.String("query");
            var matching = state.Benefits.All.Where(b =>
                !b.IsDeleted
                && (organizations.Count == 0 || organizations.Contains(b.OrganizationId, StringComparer.OrdinalIgnoreCase))
                && (types.Count == 0 || types.Contains(BenefitKinds.TypeOf(b)))
                && (ids.Count == 0 || ids.Contains(b.Id, StringComparer.OrdinalIgnoreCase))
                && !excluded.Contains(b.Id, StringComparer.OrdinalIgnoreCase)
                && (text is null || b.Description.Contains(text, StringComparison.OrdinalIgnoreCase))
                && q.MatchesMetadata(b.Metadata));
            return q.Answer(matching, Sort, "-created_at");
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(Find(state, id));
        }
    }

    /// <summary>The grants of one benefit, granted and revoked, filtered by <c>is_granted</c>, <c>customer_id</c>, <c>member_id</c>.</summary>
    private static IResult Grants(HttpContext context, EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var benefit = Find(state, id);
            var q = ListQuery.From(context);
            var granted = q.Bool("is_granted");
            var customers = q.Strings("customer_id");
            var members = q.Strings("member_id");
            var matching = state.BenefitGrants.All.Where(g =>
                g.BenefitId == benefit.Id
                && (granted is null || g.IsGranted == granted)
                && (customers.Count == 0 || customers.Contains(g.CustomerId, StringComparer.OrdinalIgnoreCase))
                && (members.Count == 0 || (g.MemberId is not null && members.Contains(g.MemberId, StringComparer.OrdinalIgnoreCase))));
            return q.Answer(matching.Select(g => BenefitGrantViews.Refresh(state, g)), GrantSort, "created_at");
        }
    }

    /// <summary>
    /// The files of a downloadables benefit with their download counts. The emulator stores no files (uploads are
    /// not emulated, so such a benefit can only hold none): an empty page; any other benefit type is not found.
    /// </summary>
    private static IResult Files(HttpContext context, EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            if (Find(state, id) is not BenefitDownloadables)
            {
                throw Problems.NotFound();
            }

            // Still checks page and limit as Polar does.
            _ = ListQuery.From(context);
            return ApiResults.Raw("""{"items":[],"pagination":{"total_count":0,"max_page":0}}"""u8.ToArray());
        }
    }

    private static Benefit Find(EmulatorState state, string id) =>
        state.Benefits.Find(UuidInput.Path(id)) is { IsDeleted: false } benefit ? benefit : throw Problems.NotFound();
}
