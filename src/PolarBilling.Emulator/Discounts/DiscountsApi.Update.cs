using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Discounts;

internal static partial class DiscountsApi
{
    /// <summary>
    /// <c>PATCH /v1/discounts/{id}</c> as Polar's <c>update</c>: duration and type cannot change, the code stays
    /// unique, and once redeemed the amounts (fixed) or basis points (percentage) are frozen. Then every field the
    /// body sets, and <c>discount.updated</c>.
    /// </summary>
    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var discount = Find(state, id);
            var body = context.Body();
            if (DiscountChecks.Schema(body, ["body"], create: false) is { Count: > 0 } issues)
            {
                throw Problems.Validation(issues, "RequestValidationError");
            }

            if (body.TryGetProperty("duration", out var duration) && duration.GetString() != discount.Duration.Value)
            {
                throw Problems.Validation(ValidationIssue.BodyValue("duration", "Duration cannot be changed.", duration.GetString()));
            }

            if (DiscountChecks.Text(body, "type") is { } type && type != discount.Type.Value)
            {
                throw Problems.Validation(ValidationIssue.BodyValue("type", "Type cannot be changed.", type));
            }

            var code = DiscountChecks.Text(body, "code");
            DiscountChecks.CodeFree(state, EmptyToNull(code), discount.Id);
            CheckFrozen(discount, body);
            var products = body.TryGetProperty("products", out var list) && list.ValueKind == JsonValueKind.Array ? DiscountChecks.Products(state, list) : null;
            Apply(state, discount, body, products);
            discount.ModifiedAt = state.Now;
            state.Webhooks.Emit(new DiscountUpdatedWebhookEvent(DiscountViews.Refresh(state, discount), state.Now));
            return ApiResults.Json(discount);
        }
    }

    private static void CheckFrozen(Discount discount, JsonElement body)
    {
        if (discount.RedemptionsCount == 0)
        {
            return;
        }

        const string Frozen = "This field cannot be changed because the discount has already been redeemed.";
        if (DiscountShapes.IsFixed(discount))
        {
            var current = DiscountShapes.Amounts(discount)!;
            var amount = Long(body, "amount");
            var currency = DiscountChecks.Text(body, "currency");
            var amounts = Amounts(body);
            var changed = (amount is not null && current.GetValueOrDefault(currency ?? "usd", -1) != amount)
                || (amounts is not null && !(amounts.Count == current.Count && amounts.All(a => current.TryGetValue(a.Key, out var v) && v == a.Value)));
            if (changed)
            {
                throw Problems.Validation(ValidationIssue.BodyValue(amount is not null ? "amount" : "amounts", Frozen, System.Text.Json.Nodes.JsonNode.Parse(PolarBilling.Client.Serialization.PolarJson.Serialize(current))));
            }
        }
        else if (Long(body, "basis_points") is { } basisPoints && basisPoints != DiscountShapes.BasisPoints(discount))
        {
            throw Problems.Validation(ValidationIssue.BodyValue("basis_points", Frozen, DiscountShapes.BasisPoints(discount)));
        }
    }

    /// <summary>Every field the body sets; an explicit null clears a nullable one (pydantic's <c>exclude_unset</c>).</summary>
    private static void Apply(EmulatorState state, Discount discount, JsonElement body, List<DiscountProduct>? products)
    {
        if (DiscountChecks.Text(body, "name") is { } name)
        {
            discount.Name = name;
        }

        if (body.TryGetProperty("code", out _))
        {
            discount.Code = EmptyToNull(DiscountChecks.Text(body, "code"));
        }

        if (body.TryGetProperty("starts_at", out _))
        {
            discount.StartsAt = DiscountChecks.Date(body, "starts_at");
        }

        if (body.TryGetProperty("ends_at", out _))
        {
            discount.EndsAt = DiscountChecks.Date(body, "ends_at");
        }

        if (body.TryGetProperty("max_redemptions", out _))
        {
            discount.MaxRedemptions = Long(body, "max_redemptions");
        }

        if (body.TryGetProperty("max_redemptions_per_customer", out _))
        {
            discount.MaxRedemptionsPerCustomer = Long(body, "max_redemptions_per_customer");
        }

        if (Long(body, "duration_in_months") is { } months)
        {
            DiscountShapes.SetDurationInMonths(discount, months);
        }

        if (Metadata(body) is { } metadata)
        {
            discount.Metadata = metadata;
        }

        if (Long(body, "basis_points") is { } basisPoints)
        {
            DiscountShapes.SetBasisPoints(discount, basisPoints);
        }

        if (DiscountShapes.IsFixed(discount) && Amounts(body) is { } amounts)
        {
            DiscountShapes.SetAmounts(discount, amounts, state.OrganizationProfile.Current.DefaultPresentmentCurrency);
        }

        if (products is not null)
        {
            discount.Products = products;
        }
    }
}
