using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// The plain fields an update copies onto the checkout when they are sent (Polar's <c>model_dump(exclude_unset=True)</c>
/// + <c>setattr</c>): customer details for everyone; settings, metadata and URLs for the merchant only. The email of a
/// checkout already linked to a customer stays the customer's.
/// </summary>
internal static class CheckoutFields
{
    public static void Apply(Checkout checkout, JsonElement body, CheckoutCaller caller)
    {
        if (Sent(body, "customer_billing_address", out var address) && address.ValueKind != JsonValueKind.Null)
        {
            checkout.CustomerBillingAddress = PolarJson.Deserialize<Address>(address.GetRawText());
        }

        if (Sent(body, "custom_field_data", out var customFields) && customFields.ValueKind == JsonValueKind.Object)
        {
            checkout.CustomFieldData = PolarJson.Deserialize<Dictionary<string, MetadataValue?>>(customFields.GetRawText());
        }

        if (Sent(body, "customer_tax_id", out var taxId))
        {
            checkout.CustomerTaxId = taxId.ValueKind == JsonValueKind.Null ? null : taxId.GetString();
        }

        checkout.CustomerName = Text(body, "customer_name", checkout.CustomerName);
        if (checkout.CustomerId is null)
        {
            checkout.CustomerEmail = Text(body, "customer_email", checkout.CustomerEmail);
        }

        checkout.CustomerBillingName = Text(body, "customer_billing_name", checkout.CustomerBillingName);
        checkout.Locale = Text(body, "locale", checkout.Locale);
        checkout.IsBusinessCustomer = Flag(body, "is_business_customer") ?? checkout.IsBusinessCustomer;
        checkout.AllowTrial = Sent(body, "allow_trial", out var allowTrial) ? (allowTrial.ValueKind == JsonValueKind.Null ? null : allowTrial.GetBoolean()) : checkout.AllowTrial;
        if (caller != CheckoutCaller.Merchant)
        {
            checkout.PaymentMethodType = Text(body, "payment_method_type", checkout.PaymentMethodType);
            return;
        }

        checkout.AllowDiscountCodes = Flag(body, "allow_discount_codes") ?? checkout.AllowDiscountCodes;
        checkout.RequireBillingAddress = Flag(body, "require_billing_address") ?? checkout.RequireBillingAddress;
        checkout.CustomerIpAddress = Text(body, "customer_ip_address", checkout.CustomerIpAddress);
        checkout.ReturnUrl = Text(body, "return_url", checkout.ReturnUrl);
        checkout.EmbedOrigin = Text(body, "embed_origin", checkout.EmbedOrigin);
        if (Sent(body, "trial_interval", out var interval))
        {
            checkout.TrialInterval = interval.ValueKind == JsonValueKind.Null ? null : new TrialInterval(interval.GetString()!);
        }

        if (Sent(body, "trial_interval_count", out var count))
        {
            checkout.TrialIntervalCount = count.ValueKind == JsonValueKind.Null ? null : count.GetInt64();
        }

        if (Sent(body, "metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            checkout.Metadata = PolarJson.Deserialize<Dictionary<string, MetadataValue>>(metadata.GetRawText());
        }

        if (Sent(body, "customer_metadata", out var customerMetadata) && customerMetadata.ValueKind == JsonValueKind.Object)
        {
            checkout.CustomerMetadata = PolarJson.Deserialize<Dictionary<string, MetadataValue>>(customerMetadata.GetRawText());
        }
    }

    /// <summary>Applies a merchant's <c>success_url</c> change (null restores Polar's confirmation page).</summary>
    public static void ApplySuccessUrl(CheckoutStore store, Checkout checkout, JsonElement body)
    {
        if (!Sent(body, "success_url", out var url))
        {
            return;
        }

        if (url.ValueKind == JsonValueKind.Null)
        {
            store.SuccessUrls.Remove(checkout.Id);
        }
        else
        {
            store.SuccessUrls[checkout.Id] = SuccessUrls.Format(url.GetString()!, checkout.Id);
        }
    }

    private static bool Sent(JsonElement body, string name, out JsonElement value) => body.TryGetProperty(name, out value);

    private static string? Text(JsonElement body, string name, string? current) =>
        Sent(body, name, out var value) ? (value.ValueKind == JsonValueKind.Null ? null : value.GetString()) : current;

    private static bool? Flag(JsonElement body, string name) =>
        Sent(body, name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
