using PolarBilling.Client.Tests.Infrastructure;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>
/// Realistic <c>data</c> objects for each webhook data model, one SaaS story: Jane (customer external id
/// <c>user_42</c>) buys the monthly $15 "Pro" plan. Every sample is checked against the vendored spec in the tests.
/// The discount is a one-off percentage one: a "repeating" percentage discount fits two <c>oneOf</c> branches of
/// the spec's Discount, so no such sample can validate.
/// </summary>
internal static partial class WebhookSamples
{
    public const string OrganizationId = "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10";
    public const string CustomerId = "8d2f1c3a-5b6e-4f70-8a91-b2c3d4e5f601";
    public const string SubscriptionId = "5e1a9c7d-3b2f-4d6e-8f10-a2b3c4d5e6f7";
    public const string OrderId = "c4a8e2b6-1d3f-4a5c-9e7b-0f2d4c6a8e10";

    /// <summary>The sample <c>data</c> for each model name used by the 42 event types.</summary>
    public static IReadOnlyDictionary<string, string> ByModel => new Dictionary<string, string>
    {
        ["Checkout"] = Checkout,
        ["Customer"] = Customer,
        ["CustomerState"] = CustomerState,
        ["CustomerSeat"] = CustomerSeat,
        ["Member"] = Member,
        ["Order"] = Order,
        ["Subscription"] = Subscription,
        ["Refund"] = Refund,
        ["Product"] = SpecSamples.Product,
        ["Discount"] = Discount,
        ["Organization"] = Organization,
        ["Benefit"] = Benefit,
        ["BenefitGrantWebhook"] = BenefitGrant,
    };

    public const string Customer = """
        {"id":"8d2f1c3a-5b6e-4f70-8a91-b2c3d4e5f601","created_at":"2026-10-01T11:58:02.481516Z","modified_at":null,
         "metadata":{"plan_source":"pricing_page"},"external_id":"user_42","email":"jane@example.com","email_verified":true,
         "type":"individual","name":"Jane Doe","billing_name":"Jane Doe",
         "billing_address":{"line1":"1 Market St","line2":null,"postal_code":"94105","city":"San Francisco","state":"US-CA","country":"US"},
         "tax_id":null,"organization_id":"0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10","deleted_at":null,
         "first_user_event_at":null,"avatar_url":"https://www.gravatar.com/avatar/0?d=404"}
        """;

    public const string CustomerState = """
        {"id":"8d2f1c3a-5b6e-4f70-8a91-b2c3d4e5f601","created_at":"2026-10-01T11:58:02.481516Z","modified_at":"2026-10-01T12:00:03Z",
         "metadata":{},"external_id":"user_42","email":"jane@example.com","email_verified":true,"type":"individual",
         "name":"Jane Doe","billing_name":null,"billing_address":null,"tax_id":null,
         "organization_id":"0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10","deleted_at":null,"first_user_event_at":null,"avatar_url":null,
         "active_subscriptions":[],"granted_benefits":[],"active_meters":[]}
        """;

    public const string CustomerSeat = """
        {"created_at":"2026-10-02T09:15:00Z","modified_at":null,"id":"a7b8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
         "subscription_id":"5e1a9c7d-3b2f-4d6e-8f10-a2b3c4d5e6f7","order_id":null,"status":"pending",
         "customer_id":"8d2f1c3a-5b6e-4f70-8a91-b2c3d4e5f601","member_id":null,"member":null,
         "email":"teammate@example.com","customer_email":"jane@example.com","invitation_token_expires_at":"2026-10-09T09:15:00Z",
         "claimed_at":null,"revoked_at":null,"seat_metadata":null}
        """;

    public const string Member = """
        {"id":"e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b","created_at":"2026-10-02T09:20:00Z","modified_at":null,
         "customer_id":"8d2f1c3a-5b6e-4f70-8a91-b2c3d4e5f601","email":"teammate@example.com","name":"Sam Lee",
         "external_id":"user_77","role":"member"}
        """;

    public const string Refund = """
        {"created_at":"2026-10-05T16:40:00Z","modified_at":null,"id":"f0e1d2c3-b4a5-4968-8776-655443322110",
         "metadata":{},"status":"succeeded","reason":"customer_request","amount":1500,"tax_amount":0,"currency":"usd",
         "organization_id":"0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10","order_id":"c4a8e2b6-1d3f-4a5c-9e7b-0f2d4c6a8e10",
         "subscription_id":"5e1a9c7d-3b2f-4d6e-8f10-a2b3c4d5e6f7","customer_id":"8d2f1c3a-5b6e-4f70-8a91-b2c3d4e5f601",
         "revoke_benefits":false,"dispute":null}
        """;

    public const string Discount = """
        {"duration":"once","type":"percentage","basis_points":2000,
         "created_at":"2026-09-20T08:00:00Z","modified_at":null,"id":"d15c0a47-2b3c-4d5e-8f60-718293a4b5c6",
         "metadata":{},"name":"Launch 20%","code":"LAUNCH20","starts_at":null,"ends_at":"2026-12-31T23:59:59Z",
         "max_redemptions":100,"max_redemptions_per_customer":null,"redemptions_count":7,
         "organization_id":"0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10","products":[]}
        """;

    public const string Benefit = """
        {"id":"be0ef170-0a1b-4c2d-8e3f-4a5b6c7d8e9f","created_at":"2026-09-01T10:00:00Z","modified_at":null,
         "type":"custom","description":"Priority support","selectable":true,"deletable":true,"is_deleted":false,
         "organization_id":"0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10","metadata":{},"visibility":"public",
         "properties":{"note":"Email support@example.com with your account email."},"visibility_configurable":true}
        """;
}
