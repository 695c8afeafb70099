using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.BenefitGrants;

/// <summary><c>GET /v1/benefit-grants/</c>: every grant of the organization (Polar's <c>list_by_organization</c>), newest first.</summary>
internal static class BenefitGrantsApi
{
    private static readonly SortKeys<BenefitGrant> Sort = new SortKeys<BenefitGrant>(g => g.Id)
        .Add("created_at", g => g.CreatedAt)
        .Add("granted_at", g => g.GrantedAt)
        .Add("revoked_at", g => g.RevokedAt);

    public static IEndpointRouteBuilder MapBenefitGrantsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/benefit-grants/", List).WithPolarOperation("benefit-grants:list");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var q = ListQuery.From(context);
            var organizations = q.Strings("organization_id");
            var customers = q.Strings("customer_id");
            var external = q.Strings("external_customer_id");
            var granted = q.Bool("is_granted");
            var externalIds = external.Count == 0 ? null
                : state.Customers.All.Where(c => c.ExternalId is not null && external.Contains(c.ExternalId)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var matching = state.BenefitGrants.All.Where(g =>
                    (organizations.Count == 0 || organizations.Contains(state.Organization.Id, StringComparer.OrdinalIgnoreCase))
                    && (customers.Count == 0 || customers.Contains(g.CustomerId, StringComparer.OrdinalIgnoreCase))
                    && (externalIds is null || externalIds.Contains(g.CustomerId))
                    && (granted is null || g.IsGranted == granted)
                    && state.Customers.Find(g.CustomerId) is not null)
                .Select(g => BenefitGrantViews.Refresh(state, g))
                .ToList();
            return q.Answer(matching, Sort, "-created_at");
        }
    }
}
