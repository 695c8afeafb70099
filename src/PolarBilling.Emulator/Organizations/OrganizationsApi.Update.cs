using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Organizations;

internal static partial class OrganizationsApi
{
    /// <summary>
    /// <c>PATCH /v1/organizations/{id}</c> as Polar's <c>organization/service.py update</c>: checks first, then every
    /// field the body sets (explicit nulls clear the nullable ones), <c>modified_at</c>, then <c>organization.updated</c>.
    /// A new <c>subscription_settings.proration_behavior</c> becomes the default every subscription update uses.
    /// </summary>
    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var organization = Find(state, id);
            var body = context.Body();
            OrganizationChecks.Check(state, organization, body);

            var core = state.Organization;
            if (Set(body, "name") is { ValueKind: JsonValueKind.String } name)
            {
                core.Name = name.GetString()!;
            }

            if (Present(body, "avatar_url", out var avatar))
            {
                organization.AvatarUrl = avatar.GetString();
            }

            if (Present(body, "email", out var email))
            {
                organization.Email = email.GetString();
            }

            if (Present(body, "website", out var website))
            {
                organization.Website = website.GetString();
            }

            if (Present(body, "country", out var country))
            {
                organization.Country = country.GetString();
            }

            if (Set(body, "socials") is { } socials)
            {
                organization.Socials = Read<List<OrganizationSocialLink>>(socials);
            }

            if (Set(body, "embed_hosts") is { } hosts)
            {
                organization.EmbedHosts = Read<List<string>>(hosts);
            }

            if (Set(body, "default_presentment_currency") is { } currency)
            {
                organization.DefaultPresentmentCurrency = currency.GetString()!;
            }

            if (Set(body, "default_tax_behavior") is { } tax)
            {
                organization.DefaultTaxBehavior = new TaxBehaviorOption(tax.GetString()!);
            }

            if (Set(body, "feature_settings") is { } features)
            {
                MergeFeatures(organization, features);
            }

            if (Set(body, "subscription_settings") is { } subscription)
            {
                organization.SubscriptionSettings = Read<OrganizationSubscriptionSettings>(subscription);
                core.ProrationBehavior = organization.SubscriptionSettings.ProrationBehavior;
            }

            if (Set(body, "customer_email_settings") is { } emails)
            {
                organization.CustomerEmailSettings = Read<OrganizationCustomerEmailSettings>(emails);
            }

            if (Set(body, "customer_portal_settings") is { } portal)
            {
                organization.CustomerPortalSettings = Read<OrganizationCustomerPortalSettings>(portal);
            }

            if (Set(body, "dispute_settings") is { } disputes)
            {
                organization.DisputeSettings = Read<OrganizationDisputeSettings>(disputes);
            }

            core.ModifiedAt = state.Now;
            var answer = Current(state);
            state.Webhooks.Emit(new OrganizationUpdatedWebhookEvent(answer, state.Now));
            return ApiResults.Json(answer);
        }
    }

    /// <summary>Only the flags <c>OrganizationFeatureSettingsUpdate</c> offers, and only those sent non-null.</summary>
    private static void MergeFeatures(Organization organization, JsonElement features)
    {
        var settings = organization.FeatureSettings ??= new OrganizationFeatureSettings();
        if (Set(features, "seat_based_pricing_enabled") is { } seats)
        {
            settings.SeatBasedPricingEnabled = seats.GetBoolean();
        }

        if (Set(features, "member_model_enabled") is { } members)
        {
            settings.MemberModelEnabled = members.GetBoolean();
        }

        if (Set(features, "checkout_localization_enabled") is { } localization)
        {
            settings.CheckoutLocalizationEnabled = localization.GetBoolean();
        }

        if (Set(features, "overview_metrics") is { } metrics)
        {
            settings.OverviewMetrics = Read<List<string>>(metrics);
        }
    }

    /// <summary>The value of <paramref name="name"/> when the body sets it to something other than null.</summary>
    internal static JsonElement? Set(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool Present(JsonElement body, string name, out JsonElement value) => body.TryGetProperty(name, out value);

    private static T Read<T>(JsonElement value) => PolarJson.Deserialize<T>(value.GetRawText());

    internal static JsonNode? Input(JsonElement value) => JsonNode.Parse(value.GetRawText());
}
