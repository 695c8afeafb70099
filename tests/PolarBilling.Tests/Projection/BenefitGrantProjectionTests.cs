using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Notifications;
using PolarBilling.Projection;
using PolarBilling.Tests.Support;
using Xunit;

namespace PolarBilling.Tests.Projection;

public sealed class BenefitGrantProjectionTests
{
    private const string Customer = """
        {"id":"cus_1","created_at":"2026-11-02T09:00:00Z","modified_at":"2026-11-02T09:00:00Z","metadata":{},"external_id":"u1","email":"a@example.com","email_verified":false,"type":"individual","name":null,"billing_name":null,"billing_address":null,"tax_id":null,"locale":null,"organization_id":"org","deleted_at":null,"avatar_url":"https://example.com/a.png"}
        """;

    private static string Body(string type, string benefitType, bool granted, bool revoked, string modifiedAt) => $$"""
        {"type":"{{type}}","timestamp":"{{modifiedAt}}","data":{"created_at":"2026-11-02T09:00:00Z","modified_at":"{{modifiedAt}}","id":"bg_1",
        "granted_at":{{(granted || revoked ? "\"2026-11-02T09:00:00Z\"" : "null")}},"is_granted":{{(granted ? "true" : "false")}},
        "revoked_at":{{(revoked ? $"\"{modifiedAt}\"" : "null")}},"is_revoked":{{(revoked ? "true" : "false")}},
        "subscription_id":"sub_1","order_id":null,"customer_id":"cus_1","benefit_id":"ben_1","error":null,"customer":{{Customer}},
        "benefit":{"id":"ben_1","created_at":"2026-11-02T09:00:00Z","modified_at":null,"type":"{{benefitType}}","description":"API access","selectable":true,"deletable":true,"organization_id":"org","metadata":{},"properties":{} },
        "properties":{} } }
        """;

    [Theory]
    [InlineData("feature_flag")]
    [InlineData("license_keys")]
    [InlineData("custom")]
    public async Task The_benefit_type_comes_from_the_payload_whatever_union_member_the_client_picked(string benefitType)
    {
        var store = new InMemoryBillingStore();
        var projector = new BillingProjector();
        var created = WebhookEventParser.Parse(Body(WebhookEventTypes.BenefitGrantCreated, benefitType, true, false, "2026-11-02T09:00:00Z"));
        Assert.IsAssignableFrom<PolarWebhookEvent<BenefitGrantWebhook>>(created);

        await projector.ApplyAsync(created, "m1", store, TestContext.Current.CancellationToken);

        var grant = store.Grants["bg_1"];
        Assert.Equal((benefitType, true, "ben_1", "u1"), (grant.BenefitType, grant.IsGranted, grant.BenefitId, store.Customers["cus_1"].UserId));
    }

    [Fact]
    public async Task A_grant_and_its_revocation_are_notified_once_each_in_any_order()
    {
        var store = new InMemoryBillingStore();
        var projector = new BillingProjector();
        var ct = TestContext.Current.CancellationToken;
        var revoked = WebhookEventParser.Parse(Body(WebhookEventTypes.BenefitGrantRevoked, "feature_flag", false, true, "2026-11-03T09:00:00Z"));
        var created = WebhookEventParser.Parse(Body(WebhookEventTypes.BenefitGrantCreated, "feature_flag", true, false, "2026-11-02T09:00:00Z"));
        var updated = WebhookEventParser.Parse(Body(WebhookEventTypes.BenefitGrantUpdated, "feature_flag", true, false, "2026-11-02T10:00:00Z"));

        await projector.ApplyAsync(revoked, "m3", store, ct);
        await projector.ApplyAsync(created, "m1", store, ct);
        await projector.ApplyAsync(updated, "m2", store, ct);

        Assert.Equal(
            [BillingNotificationKind.BenefitGranted, BillingNotificationKind.BenefitRevoked],
            store.Notifications.Values.Select(n => n.Kind).Order().ToArray());
        Assert.True(store.Grants["bg_1"].IsRevoked);
    }
}
