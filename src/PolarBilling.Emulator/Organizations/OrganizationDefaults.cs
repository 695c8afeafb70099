using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Organizations;

/// <summary>
/// A freshly set-up organization as Polar stores it once approved: active, USD, every capability on, Polar's
/// default settings (server <c>models/organization.py</c> defaults), no feature previews switched on.
/// </summary>
internal static class OrganizationDefaults
{
    public static Organization Create(EmulatorOrganization core) => new()
    {
        Id = core.Id,
        CreatedAt = core.CreatedAt,
        ModifiedAt = core.ModifiedAt,
        Name = core.Name,
        Slug = core.Slug,
        AvatarUrl = null,
        ProrationBehavior = new SubscriptionProrationBehavior(core.ProrationBehavior),
        AllowCustomerUpdates = true,
        Email = null,
        Website = null,
        Socials = [],
        Status = OrganizationStatus.Active,
        DetailsSubmittedAt = core.CreatedAt,
        OnboardingResubmissionRequestedAt = null,
        SsoEnforced = false,
        DefaultPresentmentCurrency = "usd",
        DefaultTaxBehavior = TaxBehaviorOption.Location,
        FeatureSettings = FeatureSettings(),
        SubscriptionSettings = SubscriptionSettings(core.ProrationBehavior),
        CustomerEmailSettings = EmailSettings(),
        CustomerPortalSettings = new OrganizationCustomerPortalSettings
        {
            Usage = new CustomerPortalUsageSettings { Show = true },
            Subscription = new CustomerPortalSubscriptionSettings { UpdateSeats = true, UpdatePlan = true },
        },
        DisputeSettings = new OrganizationDisputeSettings { AutoAcceptBelowAmount = null },
        EmbedHosts = [],
        EmbedHostsEnforced = false,
        Country = null,
        AccountId = null,
        PayoutAccountId = null,
        Capabilities = new OrganizationCapabilities
        {
            CheckoutPayments = true,
            SubscriptionRenewals = true,
            Payouts = true,
            Refunds = true,
            ApiAccess = true,
            DashboardAccess = true,
        },
    };

    public static OrganizationSubscriptionSettings SubscriptionSettings(string prorationBehavior = "prorate") => new()
    {
        AllowMultipleSubscriptions = false,
        ProrationBehavior = prorationBehavior,
        BenefitRevocationGracePeriod = 0,
        PreventTrialAbuse = false,
        AllowCustomerUpdates = true,
    };

    private static OrganizationFeatureSettings FeatureSettings() => new()
    {
        IssueFundingEnabled = false,
        SeatBasedPricingEnabled = false,
        WalletsEnabled = false,
        MemberModelEnabled = false,
        CheckoutLocalizationEnabled = false,
        OverviewMetrics = null,
        ResetProrationBehaviorEnabled = false,
        OffSessionChargesEnabled = false,
        MeterCyclingEnabled = false,
        SlackBenefitEnabled = false,
        PreviewAccessEnabled = false,
        DisputesEnabled = false,
        SsoEnabled = false,
        DisputeAutoAcceptEnabled = false,
        CompassEnabled = false,
        MerchantMigrationEnabled = false,
    };

    private static OrganizationCustomerEmailSettings EmailSettings() => new()
    {
        OrderConfirmation = true,
        PaymentMethodExpirationReminder = true,
        SubscriptionCancellation = true,
        SubscriptionConfirmation = true,
        SubscriptionCycled = true,
        SubscriptionCycledAfterTrial = true,
        SubscriptionPastDue = true,
        SubscriptionPaused = true,
        SubscriptionResumed = true,
        SubscriptionRenewalReminder = true,
        SubscriptionRevoked = true,
        SubscriptionTrialConversionReminder = true,
        SubscriptionUncanceled = true,
        SubscriptionUpdated = true,
    };
}
