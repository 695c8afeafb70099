using PolarBilling.Client;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Products;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// A checkout as Polar answers it at this moment (server <c>models/checkout.py</c>): its products, price and discount
/// read from their stores, the amounts and payment flags Polar derives, the hosted page and success URLs on the
/// emulator's front end. Every answer and webhook goes through <see cref="Refresh"/>.
/// </summary>
internal static class CheckoutViews
{
    /// <summary>What Polar hands Stripe.js; the emulator's pages need no real key.</summary>
    public const string PublishableKey = "pk_test_polar_emulator";

    public static Checkout Refresh(EmulatorState state, Checkout checkout)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(checkout);
        var products = checkout.Products.Select(p => state.Products.Find(p.Id)).OfType<Product>().Select(p => ProductViews.Refresh(state, p)).ToList();
        checkout.Products = [.. products.Select(ToCheckoutProduct)];
        checkout.Product = checkout.Products.FirstOrDefault(p => p.Id == checkout.ProductId) ?? checkout.Product;
        checkout.ProductPrice = ProductViews.FindPrice(state, checkout.ProductPriceId) ?? checkout.ProductPrice;
        var prices = checkout.Prices ?? [];
        foreach (var product in products)
        {
            var adHoc = prices.TryGetValue(product.Id, out var existing) && existing.Count > 0 && existing.All(p => p.Source == ProductPriceSource.AdHoc);
            prices[product.Id] = adHoc ? existing! : [.. product.Prices];
        }

        checkout.Prices = prices;
        var discount = state.Discounts.Find(checkout.DiscountId);
        checkout.Discount = discount is null ? null : ModelProjection.As<CheckoutDiscount>(discount);
        ComputeAmounts(checkout, discount);
        checkout.Url = $"{state.BaseUrl}checkout/{checkout.ClientSecret}";
        checkout.SuccessUrl = state.Checkouts.SuccessUrls.TryGetValue(checkout.Id, out var successUrl) ? successUrl : $"{state.BaseUrl}checkout/{checkout.ClientSecret}/confirmation";
        checkout.PaymentProcessorMetadata = new Dictionary<string, string> { ["publishable_key"] = PublishableKey };
        checkout.BillingAddressFields = BillingAddressFields(checkout);
        checkout.AttachedCustomFields = [];
        return checkout;
    }

    /// <summary>The unauthenticated view Polar's checkout page reads (<c>CheckoutPublic</c>).</summary>
    public static CheckoutPublic ToPublic(EmulatorState state, Checkout checkout)
    {
        var view = ModelProjection.As<CheckoutPublic>(Refresh(state, checkout));
        view.Organization = Organization(state);
        return view;
    }

    /// <summary>The answer to a confirm: the public view with the new customer's session token.</summary>
    public static CheckoutPublicConfirmed ToConfirmed(EmulatorState state, Checkout checkout, string customerSessionToken)
    {
        var view = ModelProjection.As<CheckoutPublicConfirmed>(Refresh(state, checkout));
        view.Organization = Organization(state);
        view.CustomerSessionToken = customerSessionToken;
        return view;
    }

    /// <summary>The prices of the checkout's selected product (ad hoc or catalog): Polar's <c>product_prices</c>.</summary>
    public static IReadOnlyList<ProductPrice> SelectedPrices(Checkout checkout) =>
        checkout.ProductId is not null && checkout.Prices is not null && checkout.Prices.TryGetValue(checkout.ProductId, out var prices) ? prices : [];

    private static void ComputeAmounts(Checkout checkout, Discount? discount)
    {
        var prices = SelectedPrices(checkout);
        checkout.DiscountAmount = discount is null ? 0 : DiscountRules.Apply(discount, checkout.Amount, checkout.Currency);
        checkout.NetAmount = checkout.Amount - checkout.DiscountAmount;
        checkout.IsDiscountApplicable = prices.Any(CheckoutPricing.IsDiscountApplicable);
        checkout.IsFreeProductPrice = prices.Count > 0 && prices.All(CheckoutPricing.IsFree);
        var recurring = checkout.Product?.IsRecurring == true;
        var hasMetered = prices.OfType<ProductPriceMeteredUnit>().Any();
        var fullyDiscountedForever = discount is DiscountPercentageOnceForeverDuration { BasisPoints: 10_000 } d && d.Duration == DiscountDuration.Forever;
        checkout.IsPaymentSetupRequired = checkout.Product is not null && !checkout.IsFreeProductPrice
            && (checkout.Amount != 0 || hasMetered) && !fullyDiscountedForever && recurring;

        // The emulator models no tax: 0 once Polar would have calculated it (a billing address is known or no payment form is shown).
        var paymentRequiredBeforeTax = checkout.NetAmount > 0 && checkout.TrialEnd is null;
        var formRequired = paymentRequiredBeforeTax || checkout.IsPaymentSetupRequired;
        checkout.TaxAmount = formRequired && checkout.CustomerBillingAddress is null ? null : 0;
        checkout.TotalAmount = checkout.NetAmount + (checkout.TaxAmount ?? 0);
        checkout.IsPaymentRequired = checkout.TotalAmount > 0 && checkout.TrialEnd is null;
        checkout.IsPaymentFormRequired = checkout.IsPaymentRequired || checkout.IsPaymentSetupRequired;
        var trialAllowed = checkout.AllowTrial != false && checkout.Product is not null;
        checkout.ActiveTrialInterval = trialAllowed ? checkout.TrialInterval ?? checkout.Product!.TrialInterval : null;
        checkout.ActiveTrialIntervalCount = trialAllowed ? checkout.TrialIntervalCount ?? checkout.Product!.TrialIntervalCount : null;
    }

    private static CheckoutBillingAddressFields BillingAddressFields(Checkout checkout)
    {
        var country = checkout.CustomerBillingAddress?.Country;
        var require = checkout.RequireBillingAddress || checkout.IsBusinessCustomer || country == "US";
        var whenRequired = require ? BillingAddressFieldMode.Required : BillingAddressFieldMode.Disabled;
        return new CheckoutBillingAddressFields
        {
            Country = BillingAddressFieldMode.Required,
            State = country is "US" or "CA" ? BillingAddressFieldMode.Required : require ? BillingAddressFieldMode.Optional : BillingAddressFieldMode.Disabled,
            Line1 = whenRequired,
            Line2 = require ? BillingAddressFieldMode.Optional : BillingAddressFieldMode.Disabled,
            City = whenRequired,
            PostalCode = whenRequired,
        };
    }

    private static CheckoutProduct ToCheckoutProduct(Product product)
    {
        var view = ModelProjection.As<CheckoutProduct>(product);
        view.Benefits = [.. product.Benefits.Select(ModelProjection.As<BenefitPublic>)];
        return view;
    }

    private static CheckoutOrganization Organization(EmulatorState state) => new()
    {
        Id = state.Organization.Id,
        CreatedAt = state.Organization.CreatedAt,
        ModifiedAt = state.Organization.ModifiedAt,
        Name = state.Organization.Name,
        Slug = state.Organization.Slug,
        ProrationBehavior = new SubscriptionProrationBehavior(state.Organization.ProrationBehavior),
        AllowCustomerUpdates = true,
    };
}
