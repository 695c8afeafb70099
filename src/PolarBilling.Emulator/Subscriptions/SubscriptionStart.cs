using PolarBilling.Client;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>Everything <see cref="SubscriptionEngine.Start"/> needs to begin a subscription (Polar's <c>create_or_update_from_checkout</c>).</summary>
/// <param name="Customer">Who subscribes.</param>
/// <param name="Product">The recurring product.</param>
/// <param name="Prices">The product's prices in the subscription currency (static and metered).</param>
/// <param name="Discount">The checkout's discount, if any; applied from the first period unless there is a trial.</param>
/// <param name="TrialEnd">When a trial ends; <see langword="null"/> for no trial (the subscription starts <c>active</c>).</param>
/// <param name="CheckoutId">The checkout that created it, if any.</param>
/// <param name="Metadata">Copied onto the subscription (the checkout's metadata).</param>
/// <param name="Seats">Seats bought, for a seat-based price.</param>
/// <param name="CustomAmount">The amount chosen for a pay-what-you-want (<c>custom</c>) price.</param>
/// <param name="GrantBenefits">
/// <see langword="true"/> (default): grant the product's benefits at once. Polar grants them in a background job after
/// the checkout's order exists; a caller that wants that exact order passes <see langword="false"/> and calls
/// <see cref="BenefitGrants.BenefitGrantEngine.GrantForSubscription"/> after creating the order.
/// </param>
internal sealed record SubscriptionStart(
    Customer Customer,
    Product Product,
    IReadOnlyList<ProductPrice> Prices,
    Discount? Discount,
    DateTimeOffset? TrialEnd,
    string? CheckoutId,
    Dictionary<string, MetadataValue>? Metadata,
    long? Seats,
    long? CustomAmount = null,
    bool GrantBenefits = true);
