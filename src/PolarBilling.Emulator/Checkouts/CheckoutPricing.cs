using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Which price a checkout charges and how much, as Polar's checkout service decides it: the product's static price
/// first (fixed, custom or seat-based; <c>get_static_price</c>), else its first price; the amount from that price,
/// the chosen pay-what-you-want amount or the seat count.
/// </summary>
internal static class CheckoutPricing
{
    /// <summary>Polar's <c>CUSTOM_PRICE_PRESET_FALLBACK</c>: the amount of a custom price with no preset and no minimum.</summary>
    public const long CustomPriceFallback = 1000;

    /// <summary>The price a checkout of <paramref name="prices"/> charges: the static one, else the first.</summary>
    public static ProductPrice Select(IReadOnlyList<ProductPrice> prices) =>
        prices.FirstOrDefault(PriceAmounts.IsStatic) ?? prices[0];

    /// <summary>
    /// Sets the checkout's <c>amount</c>, <c>currency</c> and <c>seats</c> for <paramref name="price"/>:
    /// <paramref name="amount"/> only counts for a custom price (checked against its bounds).
    /// </summary>
    /// <exception cref="EmulatorProblem">422 for an amount outside a custom price's bounds, or seats on a price without seats.</exception>
    public static void Apply(Checkout checkout, ProductPrice price, long? amount, long? seats)
    {
        checkout.ProductPriceId = price.Id;
        checkout.Currency = price.PriceCurrency;
        switch (price)
        {
            case ProductPriceFixed fixedPrice:
                RejectSeats(seats);
                checkout.Amount = fixedPrice.PriceAmount;
                checkout.Seats = null;
                break;
            case ProductPriceCustom custom:
                RejectSeats(seats);
                if (amount is { } chosen)
                {
                    ValidateCustomAmount(custom, chosen);
                }

                checkout.Amount = amount ?? DefaultCustomAmount(custom);
                checkout.Seats = null;
                break;
            case ProductPriceSeatBased seatBased:
                var count = seats ?? checkout.Seats ?? throw Problems.Validation(new ValidationIssue("missing", ["body", "seats"], "Seats is required for seat-based pricing.", null));
                if (count < 1)
                {
                    throw Problems.Validation(new ValidationIssue("missing", ["body", "seats"], "Seats is required for seat-based pricing.", System.Text.Json.Nodes.JsonValue.Create(count)));
                }

                checkout.Seats = count;
                checkout.Amount = PriceAmounts.SeatAmount(seatBased.SeatTiers, count);
                break;
            default:
                RejectSeats(seats);
                checkout.Amount = 0;
                checkout.Seats = null;
                break;
        }
    }

    /// <summary>Polar's <c>preset_amount or minimum_amount or CUSTOM_PRICE_PRESET_FALLBACK</c> (Python's <c>or</c>: 0 falls through).</summary>
    public static long DefaultCustomAmount(ProductPriceCustom price) =>
        price.PresetAmount is { } preset && preset > 0 ? preset : price.MinimumAmount > 0 ? price.MinimumAmount : CustomPriceFallback;

    /// <summary>Polar's <c>_validate_custom_price_amount</c>.</summary>
    /// <exception cref="EmulatorProblem">422 <c>greater_than_equal</c> / <c>less_than_equal</c> at <c>body.amount</c>.</exception>
    public static void ValidateCustomAmount(ProductPriceCustom price, long amount)
    {
        if (amount < price.MinimumAmount)
        {
            throw Problems.Validation(new ValidationIssue("greater_than_equal", ["body", "amount"], "Amount is below minimum.", System.Text.Json.Nodes.JsonValue.Create(amount)));
        }

        if (price.MaximumAmount is { } maximum && amount > maximum)
        {
            throw Problems.Validation(new ValidationIssue("less_than_equal", ["body", "amount"], "Amount is above maximum.", System.Text.Json.Nodes.JsonValue.Create(amount)));
        }
    }

    /// <summary>Polar's <c>is_free_price</c>: a fixed price of 0.</summary>
    public static bool IsFree(ProductPrice price) => price is ProductPriceFixed { PriceAmount: 0 };

    /// <summary>Polar's <c>is_discount_applicable</c>: a price that charges something a discount can reduce.</summary>
    public static bool IsDiscountApplicable(ProductPrice price) => price switch
    {
        ProductPriceFixed fixedPrice => fixedPrice.PriceAmount > 0,
        ProductPriceCustom or ProductPriceSeatBased or ProductPriceMeteredUnit => true,
        _ => false,
    };

    private static void RejectSeats(long? seats)
    {
        if (seats is not null)
        {
            throw Problems.Validation(ValidationIssue.BodyValue("seats", "Seats can only be set for seat-based pricing.", System.Text.Json.Nodes.JsonValue.Create(seats.Value)));
        }
    }
}
