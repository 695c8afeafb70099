using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// <c>POST /v1/checkouts/</c> as Polar's <c>checkout/service.py create</c>: validated products (the first one
/// preselected), ad-hoc prices, the price's amount, discount, linked customer, trial, then <c>checkout.created</c>.
/// </summary>
internal static class CheckoutCreation
{
    public static Checkout Create(EmulatorState state, CheckoutProductsCreate body, JsonElement raw)
    {
        var products = ValidatedProducts(state, body.Products);
        var product = products[0];
        var now = state.Now;
        var checkout = new Checkout
        {
            Id = PolarTokens.NewId(),
            CreatedAt = now,
            PaymentProcessor = PaymentProcessor.Stripe,
            Status = CheckoutStatus.Open,
            ClientSecret = PolarTokens.Generate(PolarTokens.CheckoutClientSecret),
            ExpiresAt = now + CheckoutExpiry.Lifetime,
            ReturnUrl = body.ReturnUrl,
            EmbedOrigin = body.EmbedOrigin,
            AllowTrial = body.AllowTrial ?? true,
            TrialInterval = body.TrialInterval,
            TrialIntervalCount = body.TrialIntervalCount,
            OrganizationId = state.Organization.Id,
            ProductId = product.Id,
            AllowDiscountCodes = body.AllowDiscountCodes ?? true,
            RequireBillingAddress = body.RequireBillingAddress ?? false,
            IsBusinessCustomer = body.IsBusinessCustomer ?? false,
            CustomerName = body.CustomerName,
            CustomerEmail = body.CustomerEmail,
            CustomerIpAddress = body.CustomerIpAddress,
            CustomerBillingName = body.CustomerBillingName,
            CustomerBillingAddress = body.CustomerBillingAddress is null ? null : ModelProjection.As<Address>(body.CustomerBillingAddress),
            CustomerTaxId = body.CustomerTaxId,
            Locale = body.Locale,
            MinSeats = body.MinSeats,
            MaxSeats = body.MaxSeats,
            Metadata = body.Metadata ?? [],
            CustomerMetadata = body.CustomerMetadata ?? [],
            CustomFieldData = body.CustomFieldData ?? [],
            ExternalCustomerId = body.ExternalCustomerId,
            Products = [.. products.Select(ModelProjection.As<CheckoutProduct>)],
            Prices = AdHocPricesOf(state, products, raw),
        };

        // A billing address beyond the country makes Polar ask for the full address.
        if (checkout.CustomerBillingAddress is { } address && (address.Line1 is not null || address.City is not null || address.PostalCode is not null
            || (address.State is not null && address.Country is not ("US" or "CA"))))
        {
            checkout.RequireBillingAddress = true;
        }

        var price = CheckoutPricing.Select(checkout.Prices!.TryGetValue(product.Id, out var adHoc) ? adHoc : product.Prices);
        CheckoutPricing.Apply(checkout, price, body.Amount, body.Seats);
        if (body.DiscountId is not null)
        {
            checkout.DiscountId = CheckoutDiscounts.ValidatedById(state, product, checkout, body.DiscountId).Id;
        }

        LinkCustomer(state, checkout, body);
        if (body.SuccessUrl is not null)
        {
            state.Checkouts.SuccessUrls[checkout.Id] = SuccessUrls.Format(body.SuccessUrl, checkout.Id);
        }

        CheckoutTrials.UpdateTrialEnd(state, checkout);
        state.Checkouts.Add(checkout);
        CheckoutEvents.Created(state, checkout);
        return checkout;
    }

    private static List<Product> ValidatedProducts(EmulatorState state, List<string> ids)
    {
        var products = new List<Product>();
        var issues = new List<ValidationIssue>();
        for (var index = 0; index < ids.Count; index++)
        {
            var product = state.Products.Find(ids[index]);
            if (product is null || product.IsArchived)
            {
                var message = product is null ? "Product does not exist." : "Product is archived.";
                issues.Add(ValidationIssue.Body("value_error", message, JsonValue.Create(ids[index]), "products", index));
                continue;
            }

            products.Add(product);
        }

        return issues.Count > 0 ? throw Problems.Validation(issues) : products;
    }

    private static Dictionary<string, List<ProductPrice>> AdHocPricesOf(EmulatorState state, List<Product> products, JsonElement raw)
    {
        var prices = new Dictionary<string, List<ProductPrice>>(StringComparer.Ordinal);
        if (!raw.TryGetProperty("prices", out var map) || map.ValueKind != JsonValueKind.Object)
        {
            return prices;
        }

        foreach (var entry in map.EnumerateObject())
        {
            var product = products.FirstOrDefault(p => p.Id == entry.Name)
                ?? throw Problems.Validation(ValidationIssue.Body("value_error", "Product is not in the checkout's products.", JsonValue.Create(entry.Name), "prices", entry.Name));
            prices[product.Id] = AdHocPrices.Create(state, product, entry.Value);
        }

        return prices;
    }

    // Polar links the customer now when it is known (by id, by external id, or through the upgraded subscription) and
    // prefills the checkout's customer fields from it; otherwise the customer is found or created on confirm.
    private static void LinkCustomer(EmulatorState state, Checkout checkout, CheckoutProductsCreate body)
    {
        Customer? customer = null;
        if (body.SubscriptionId is not null)
        {
            var subscription = CheckoutUpgrades.Validated(state, body.SubscriptionId);
            checkout.SubscriptionId = subscription.Id;
            customer = CustomerEngine.Find(state, subscription.CustomerId);
        }
        else if (body.CustomerId is not null)
        {
            customer = CustomerEngine.Find(state, body.CustomerId)
                ?? throw Problems.Validation(ValidationIssue.BodyValue("customer_id", "Customer does not exist.", JsonValue.Create(body.CustomerId)));
        }
        else if (body.ExternalCustomerId is not null)
        {
            customer = CustomerEngine.FindByExternalId(state, body.ExternalCustomerId);
        }

        if (customer is null)
        {
            return;
        }

        checkout.CustomerId = customer.Id;
        checkout.CustomerEmail ??= CustomerEngine.EmailOf(customer);
        checkout.CustomerName ??= customer.Name;
        checkout.CustomerBillingAddress ??= customer.BillingAddress;
    }
}
