using PolarBilling.Client.Tests.Infrastructure;

namespace PolarBilling.Client.Tests.Webhooks;

internal static partial class WebhookSamples
{
    private const string SubscriptionCustomer = """
        {"id":"8d2f1c3a-5b6e-4f70-8a91-b2c3d4e5f601","created_at":"2026-10-01T11:58:02.481516Z","modified_at":null,
         "metadata":{},"external_id":"user_42","email":"jane@example.com","email_verified":true,"type":"individual",
         "name":"Jane Doe","billing_name":null,"billing_address":null,"tax_id":null,
         "organization_id":"0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10","deleted_at":null,"first_user_event_at":null,"avatar_url":null}
        """;

    public static readonly string Subscription = $$"""
        {"created_at":"2026-10-01T12:00:01.204518Z","modified_at":"2026-10-01T12:00:02Z","id":"{{SubscriptionId}}",
         "amount":1500,"currency":"usd","recurring_interval":"month","recurring_interval_count":1,"status":"active",
         "current_period_start":"2026-10-01T12:00:01.204518Z","current_period_end":"2026-11-01T12:00:01.204518Z",
         "current_meter_period_start":null,"current_meter_period_end":null,"trial_start":null,"trial_end":null,
         "cancel_at_period_end":false,"canceled_at":null,"started_at":"2026-10-01T12:00:01.204518Z","ends_at":null,"ended_at":null,
         "pause_at_period_end":false,"paused_at":null,"resumes_at":null,
         "customer_id":"{{CustomerId}}","product_id":"{{SpecSamples.ProductId}}","discount_id":null,
         "checkout_id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","customer_cancellation_reason":null,"customer_cancellation_comment":null,
         "metadata":{"plan":"pro"},"customer":{{SubscriptionCustomer}},"product":{{SpecSamples.Product}},"discount":null,
         "prices":{{PricesOf(SpecSamples.Product)}},"meters":[],"pending_update":null}
        """;

    public static readonly string Order = $$"""
        {"id":"{{OrderId}}","created_at":"2026-10-01T12:00:01.9Z","modified_at":"2026-10-01T12:00:04Z","status":"paid","paid":true,
         "subtotal_amount":1500,"discount_amount":0,"net_amount":1500,"tax_amount":0,"total_amount":1500,
         "applied_balance_amount":0,"due_amount":0,"refunded_amount":0,"refunded_tax_amount":0,"currency":"usd",
         "billing_reason":"subscription_create","billing_name":"Jane Doe","billing_address":null,
         "invoice_number":"PRO-0001","is_invoice_generated":true,"receipt_number":"R-0001",
         "customer_id":"{{CustomerId}}","product_id":"{{SpecSamples.ProductId}}","discount_id":null,
         "subscription_id":"{{SubscriptionId}}","checkout_id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","metadata":{},
         "platform_fee_amount":0,"platform_fee_currency":null,"customer":{{SubscriptionCustomer}},"product":{{SpecSamples.Product}},
         "discount":null,"subscription":null,"items":[],"description":"Pro","refundable_amount":1500,"refundable_tax_amount":0}
        """;

    public static readonly string Checkout = $$"""
        {"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","created_at":"2026-10-01T11:57:40Z","modified_at":null,
         "payment_processor":"stripe","status":"open","client_secret":"polar_c_0123456789abcdef",
         "url":"https://sandbox.polar.sh/checkout/polar_c_0123456789abcdef","expires_at":"2026-10-01T12:57:40Z",
         "success_url":"https://app.example.com/billing/success?checkout_id={CHECKOUT_ID}","return_url":null,"embed_origin":null,
         "amount":1500,"discount_amount":0,"net_amount":1500,"tax_amount":null,"tax_behavior":null,"total_amount":1500,"currency":"usd",
         "allow_trial":null,"active_trial_interval":null,"active_trial_interval_count":null,"trial_end":null,
         "organization_id":"{{OrganizationId}}","product_id":"{{SpecSamples.ProductId}}","product_price_id":"5c0c2d1e-4a8b-4e57-8f0e-1b2c3d4e5f60",
         "discount_id":null,"allow_discount_codes":true,"require_billing_address":false,"is_discount_applicable":true,
         "is_free_product_price":false,"is_payment_required":true,"is_payment_setup_required":true,"is_payment_form_required":true,
         "customer_id":null,"is_business_customer":false,"customer_name":null,"customer_email":"jane@example.com",
         "customer_ip_address":null,"customer_billing_name":null,"customer_billing_address":null,"customer_tax_id":null,
         "payment_method_type":null,"payment_processor_metadata":{},
         "billing_address_fields":{"country":"required","state":"disabled","city":"disabled","postal_code":"disabled","line1":"disabled","line2":"disabled"},
         "trial_interval":null,"trial_interval_count":null,"metadata":{"plan":"pro"},"external_customer_id":"user_42",
         "products":[],"product":null,"product_price":null,"prices":null,"discount":null,"subscription_id":null,
         "attached_custom_fields":null,"customer_metadata":{} }
        """;

    public static readonly string BenefitGrant = $$"""
        {"created_at":"2026-10-01T12:00:03Z","modified_at":null,"id":"6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
         "is_granted":true,"is_revoked":false,"subscription_id":"{{SubscriptionId}}","order_id":null,
         "customer_id":"{{CustomerId}}","benefit_id":"be0ef170-0a1b-4c2d-8e3f-4a5b6c7d8e9f",
         "customer":{{SubscriptionCustomer}},"benefit":{{Benefit}},"properties":{} }
        """;

    public const string Organization = """
        {"created_at":"2026-01-10T09:00:00Z","modified_at":"2026-10-01T08:00:00Z","id":"0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10",
         "name":"Acme SaaS","slug":"acme-saas","avatar_url":null,"proration_behavior":"invoice","allow_customer_updates":true,
         "email":"billing@example.com","website":"https://example.com","socials":[],"status":"active",
         "details_submitted_at":"2026-01-11T09:00:00Z","onboarding_resubmission_requested_at":null,"sso_enforced":false,
         "default_presentment_currency":"usd","default_tax_behavior":"location","feature_settings":null,
         "subscription_settings":{"allow_multiple_subscriptions":false,"proration_behavior":"invoice",
           "benefit_revocation_grace_period":7,"prevent_trial_abuse":true,"allow_customer_updates":true},
         "customer_email_settings":{"order_confirmation":true,"payment_method_expiration_reminder":true,
           "subscription_cancellation":true,"subscription_confirmation":true,"subscription_cycled":true,
           "subscription_cycled_after_trial":true,"subscription_past_due":true,"subscription_paused":true,
           "subscription_resumed":true,"subscription_renewal_reminder":false,"subscription_revoked":true,
           "subscription_trial_conversion_reminder":true,"subscription_uncanceled":true,"subscription_updated":true},
         "customer_portal_settings":{"usage":{"show":true},"subscription":{"update_seats":false,"update_plan":true}},
         "dispute_settings":{"auto_accept_below_amount":null},"embed_hosts":[],"embed_hosts_enforced":false,
         "account_id":null,"payout_account_id":null,
         "capabilities":{"checkout_payments":true,"subscription_renewals":true,"payouts":true,"refunds":true,"api_access":true,"dashboard_access":true}}
        """;

    private static string PricesOf(string product) =>
        System.Text.Json.Nodes.JsonNode.Parse(product)!["prices"]!.ToJsonString();
}
