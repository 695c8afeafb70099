using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Polar's <c>_update_checkout</c>, shared by the merchant's update, the customer's update and confirm: only an open
/// checkout changes (403 <c>NotOpenCheckout</c>); a product switch re-prices it and drops a discount that no longer
/// applies; then amount, seats, discount, customer fields, trial; then the one-subscription-per-customer rule.
/// </summary>
internal static class CheckoutUpdates
{
    public static void Apply(EmulatorState state, Checkout checkout, JsonElement body, CheckoutCaller caller)
    {
        if (checkout.Status != CheckoutStatus.Open)
        {
            throw CheckoutProblems.NotOpen(checkout);
        }

        var change = PolarJson.Deserialize<CheckoutConfirmStripe>(body.GetRawText());
        if (change.ProductId is not null)
        {
            SwitchProduct(state, checkout, change);
        }

        var price = state.Products.FindPrice(checkout.ProductPriceId);
        if (change.Amount is { } amount && price is ProductPriceCustom custom)
        {
            CheckoutPricing.ValidateCustomAmount(custom, amount);
            checkout.Amount = amount;
        }

        if (change.Seats is { } seats)
        {
            if (price is not ProductPriceSeatBased seatBased)
            {
                throw Problems.InvalidField("seats", "Seats can only be set for seat-based pricing.", JsonValue.Create(seats));
            }

            checkout.Seats = seats;
            checkout.Amount = PriceAmounts.SeatAmount(seatBased.SeatTiers, seats);
        }

        ApplyDiscount(state, checkout, body, caller, change.DiscountCode);
        CheckoutFields.Apply(checkout, body, caller);
        CheckoutTrials.UpdateTrialEnd(state, checkout);
        CheckoutSubscriptionRule.Enforce(state, checkout);
    }

    private static void SwitchProduct(EmulatorState state, Checkout checkout, CheckoutConfirmStripe change)
    {
        var product = checkout.Products.Any(p => p.Id == change.ProductId) ? state.Products.Find(change.ProductId) : null;
        if (product is null)
        {
            throw Problems.InvalidField("product_id", "Product is not available in this checkout.", JsonValue.Create(change.ProductId));
        }

        if (product.IsArchived)
        {
            throw Problems.InvalidField("product_id", "Product is archived.", JsonValue.Create(change.ProductId));
        }

        var prices = checkout.Prices is not null && checkout.Prices.TryGetValue(product.Id, out var adHoc) && adHoc.Count > 0 ? adHoc : product.Prices;
        ProductPrice price;
        if (change.ProductPriceId is not null)
        {
            price = prices.FirstOrDefault(p => p.Id == change.ProductPriceId)
                ?? throw Problems.InvalidField("product_price_id", "Price is not available in this checkout.", JsonValue.Create(change.ProductPriceId));
        }
        else
        {
            price = CheckoutPricing.Select(prices);
        }

        checkout.ProductId = product.Id;
        var seats = price is ProductPriceSeatBased ? checkout.Seats ?? change.Seats ?? 1 : (long?)null;
        checkout.Seats = null;
        CheckoutPricing.Apply(checkout, price, amount: null, seats);
        if (state.Discounts.Find(checkout.DiscountId) is { } discount && !CheckoutDiscounts.StillApplies(discount, product, checkout.Currency))
        {
            checkout.DiscountId = null;
        }
    }

    private static void ApplyDiscount(EmulatorState state, Checkout checkout, JsonElement body, CheckoutCaller caller, string? code)
    {
        var product = state.Products.Get(checkout.ProductId!);
        if (caller == CheckoutCaller.Merchant && body.TryGetProperty("discount_id", out var discountId))
        {
            checkout.DiscountId = discountId.ValueKind == JsonValueKind.Null ? null
                : CheckoutDiscounts.ValidatedById(state, product, checkout, discountId.GetString()!).Id;
        }
        else if (caller != CheckoutCaller.Merchant && checkout.AllowDiscountCodes && body.TryGetProperty("discount_code", out _))
        {
            checkout.DiscountId = code is null ? null : CheckoutDiscounts.ValidatedByCode(state, product, checkout, code).Id;
        }
    }
}
