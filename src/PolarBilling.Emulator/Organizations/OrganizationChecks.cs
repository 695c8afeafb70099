using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Organizations;

/// <summary>The refusals of Polar's organization update, checked before anything changes.</summary>
internal static class OrganizationChecks
{
    public static void Check(EmulatorState state, Organization organization, JsonElement body)
    {
        var features = organization.FeatureSettings;
        if (OrganizationsApi.Set(body, "feature_settings") is { } update)
        {
            var oldSeats = features?.SeatBasedPricingEnabled ?? false;
            var newSeats = OrganizationsApi.Set(update, "seat_based_pricing_enabled")?.GetBoolean() ?? oldSeats;
            var newMembers = OrganizationsApi.Set(update, "member_model_enabled")?.GetBoolean() ?? features?.MemberModelEnabled ?? false;
            if (oldSeats && !newSeats)
            {
                throw Problems.Validation(new ValidationIssue("value_error", ["body", "feature_settings", "seat_based_pricing_enabled"], "Seat-based pricing cannot be disabled once enabled.", false));
            }

            if (!oldSeats && newSeats && !newMembers)
            {
                throw Problems.Validation(new ValidationIssue("value_error", ["body", "feature_settings", "seat_based_pricing_enabled"], "Member model must be enabled before enabling seat-based pricing.", true));
            }
        }

        if (OrganizationsApi.Set(body, "subscription_settings") is { } subscription
            && subscription.TryGetProperty("proration_behavior", out var proration)
            && proration.GetString() == "reset"
            && features?.ResetProrationBehaviorEnabled != true)
        {
            throw Problems.Validation(new ValidationIssue("value_error", ["body", "subscription_settings", "proration_behavior"], "The 'reset' proration behavior is not enabled for this organization.", "reset"));
        }

        if (OrganizationsApi.Set(body, "default_presentment_currency")?.GetString() is { } currency
            && currency != organization.DefaultPresentmentCurrency
            && state.Products.All.Any(p => !p.IsArchived && !p.Prices.Any(price => !price.IsArchived && price.PriceCurrency == currency)))
        {
            throw Problems.Validation(ValidationIssue.BodyValue("default_presentment_currency", "All active products must have prices in the new currency.", currency));
        }

        // The emulator has no SSO connections, so enforcing SSO always lacks one.
        if (OrganizationsApi.Set(body, "sso_enforced")?.GetBoolean() == true)
        {
            throw Problems.Error(409, "SSOEnforcementRequiresConnection", "Cannot enforce SSO without an enabled connection.");
        }

        if (OrganizationsApi.Set(body, "dispute_settings") is { } disputes
            && OrganizationsApi.Set(disputes, "auto_accept_below_amount") is not null
            && features?.DisputeAutoAcceptEnabled != true)
        {
            throw Problems.Error(403, "DisputeAutoAcceptNotEnabled", "Dispute auto-accept isn't enabled for this organization.");
        }
    }
}
