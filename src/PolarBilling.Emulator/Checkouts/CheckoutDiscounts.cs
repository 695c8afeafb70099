using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Polar's <c>_get_validated_discount</c>: a discount given by id (merchant) or typed as a code (customer) must exist,
/// be redeemable for the checkout's product and currency, and a <c>repeating</c> one needs a recurring product.
/// </summary>
internal static class CheckoutDiscounts
{
    /// <exception cref="EmulatorProblem">422 at <c>body.discount_id</c>.</exception>
    public static Discount ValidatedById(EmulatorState state, Product product, Checkout checkout, string discountId) =>
        Validate(product, checkout, "discount_id", discountId, DiscountRules.FindRedeemableById(state, discountId, product.Id, checkout.Currency));

    /// <exception cref="EmulatorProblem">422 at <c>body.discount_code</c>.</exception>
    public static Discount ValidatedByCode(EmulatorState state, Product product, Checkout checkout, string code) =>
        Validate(product, checkout, "discount_code", code, DiscountRules.FindRedeemable(state, code, product.Id, checkout.Currency));

    /// <summary>Whether a discount already on the checkout still applies after switching to <paramref name="product"/>.</summary>
    public static bool StillApplies(Discount discount, Product product, string currency) =>
        DiscountRules.AppliesTo(discount, product.Id, currency) && (product.IsRecurring || discount.Duration != DiscountDuration.Repeating);

    private static Discount Validate(Product product, Checkout checkout, string field, string input, Discount? discount)
    {
        if (!CheckoutViews.SelectedPrices(checkout).Any(CheckoutPricing.IsDiscountApplicable) && !product.Prices.Any(CheckoutPricing.IsDiscountApplicable))
        {
            throw Problems.InvalidField(field, "Discounts are not applicable to this product.", JsonValue.Create(input));
        }

        if (discount is null)
        {
            throw Problems.InvalidField(field, "Discount does not exist.", JsonValue.Create(input));
        }

        if (!product.IsRecurring && discount.Duration == DiscountDuration.Repeating)
        {
            throw Problems.InvalidField(field, "Discount is not applicable to this product.", JsonValue.Create(input));
        }

        return discount;
    }
}
