using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.Tests.Entitlements;

/// <summary>A catalog like the sample's, and row builders for one customer.</summary>
internal static class EntitlementFixtures
{
    public const string CustomerId = "cus_1";
    public const string UserId = "user-1";
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static BillingPlanCatalog Catalog()
    {
        var plans = new Dictionary<string, BillingPlanOptions>(StringComparer.Ordinal);
        var free = new BillingPlanOptions();
        free.Limits["agents"] = 1;
        plans["free"] = free;
        var pro = new BillingPlanOptions { Name = "Pro", ProductId = "prod_pro", Price = 2900, TrialDays = 14 };
        pro.Features.Add("api-access");
        pro.Limits["agents"] = 5;
        plans["pro"] = pro;
        var enterprise = new BillingPlanOptions { Name = "Enterprise", ProductId = "prod_ent", Price = 9900 };
        enterprise.Features.Add("api-access");
        enterprise.Features.Add("sso");
        enterprise.Limits["agents"] = 50;
        plans["enterprise"] = enterprise;
        var course = new BillingPlanOptions { Name = "Course", ProductId = "prod_course", Price = 29900, OneTime = true };
        course.Features.Add("course-access");
        course.Limits["agents"] = 3;
        plans["course"] = course;
        return BillingPlanCatalog.Create(plans);
    }

    public static BillingSubscription Subscription(string productId, string status, string id = "sub_1") => new()
    {
        Id = id,
        CustomerId = CustomerId,
        ProductId = productId,
        Status = status,
        StartedAt = Now.AddDays(-20),
        CurrentPeriodStart = Now.AddDays(-10),
        CurrentPeriodEnd = Now.AddDays(20),
    };

    public static BillingOrder Order(string productId, string status = "paid", long total = 29900, long refunded = 0, string id = "ord_1") => new()
    {
        Id = id,
        CustomerId = CustomerId,
        ProductId = productId,
        Status = status,
        Paid = true,
        TotalAmount = total,
        RefundedAmount = refunded,
        Currency = "usd",
        BillingReason = "purchase",
    };
}
