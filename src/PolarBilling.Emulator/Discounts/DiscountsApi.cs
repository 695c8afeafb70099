using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Discounts;

/// <summary>
/// <c>/v1/discounts/</c> as Polar's <c>discount/endpoints.py</c> and <c>discount/service.py</c>: codes unique per
/// organization ignoring case, amounts frozen once redeemed, soft deletion (a deleted discount stays on the
/// subscriptions and orders that used it).
/// </summary>
internal static partial class DiscountsApi
{
    // PostgreSQL puts NULL last ascending and first descending; the stand-ins below sort the same way.
    private static readonly SortKeys<Discount> Sort = new SortKeys<Discount>(d => d.Id)
        .Add("created_at", d => d.CreatedAt)
        .Add("name", d => d.Name.ToUpperInvariant())
        .Add("code", d => d.Code ?? "\uffff")
        .Add("redemptions_count", d => d.RedemptionsCount)
        .Add("ends_at", d => d.EndsAt ?? DateTimeOffset.MaxValue);

    public static IEndpointRouteBuilder MapDiscountsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/discounts/", List).WithPolarOperation("discounts:list");
        v1.MapPost("/discounts/", Create).WithPolarOperation("discounts:create");
        v1.MapGet("/discounts/{id}", Get).WithPolarOperation("discounts:get");
        v1.MapPatch("/discounts/{id}", Update).WithPolarOperation("discounts:update");
        v1.MapDelete("/discounts/{id}", Delete).WithPolarOperation("discounts:delete");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var q = ListQuery.From(context);
            var organizations = q.Strings("organization_id");
            var text = q.String("query");
            var matching = state.Discounts.All.Where(d =>
                !state.Discounts.Deleted.Contains(d.Id)
                && (organizations.Count == 0 || organizations.Contains(d.OrganizationId, StringComparer.OrdinalIgnoreCase))
                && (text is null || d.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || (d.Code?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)));
            return q.Answer(matching.Select(d => DiscountViews.Refresh(state, d)), Sort, "-created_at");
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(DiscountViews.Refresh(state, Find(state, id)));
        }
    }

    /// <summary><c>DELETE /v1/discounts/{id}</c>: soft-deleted (no longer listed, found or redeemable), <c>discount.deleted</c> → 204.</summary>
    private static IResult Delete(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var discount = Find(state, id);
            state.Discounts.Deleted.Add(discount.Id);
            discount.ModifiedAt = state.Now;
            state.Webhooks.Emit(new DiscountDeletedWebhookEvent(DiscountViews.Refresh(state, discount), state.Now));
            return ApiResults.NoContent();
        }
    }

    private static Discount Find(EmulatorState state, string id) => state.Discounts.FindLive(UuidInput.Path(id)) ?? throw Problems.NotFound();
}
