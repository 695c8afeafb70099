using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.Tests.Usage.Reports;

/// <summary>A catalog with metered plans (the sample's <c>api</c> plan and a capped token plan) and row builders.</summary>
internal static class ReportFixtures
{
    public const string UserId = "user-1";
    public const string CustomerId = "cus_1";

    public static BillingPlanCatalog Catalog()
    {
        var plans = new Dictionary<string, BillingPlanOptions>(StringComparer.Ordinal) { ["free"] = new BillingPlanOptions() };
        var api = new BillingPlanOptions { Name = "API", ProductId = "prod_api", Price = 4900 };
        api.Meters["api_calls"] = new MeteredComponentOptions { Name = "API calls", Unit = "calls", Included = 10_000, UnitPrice = 1 };
        plans["api"] = api;
        var tokens = new BillingPlanOptions { Name = "Tokens", ProductId = "prod_tokens", Price = 1000 };
        tokens.Meters["tokens"] = new MeteredComponentOptions { Unit = "tokens", Aggregation = "sum", Included = 1_000_000, UnitPrice = 0.0005m, CapAmount = 2_500 };
        plans["tokens"] = tokens;
        return BillingPlanCatalog.Create(plans);
    }

    public static BillingCustomer Customer() => new() { Id = CustomerId, UserId = UserId, Email = "user-1@example.test" };

    public static BillingSubscription Subscription(string productId, DateTimeOffset start, DateTimeOffset end, string status = "active") => new()
    {
        Id = "sub_1",
        CustomerId = CustomerId,
        ProductId = productId,
        Status = status,
        Amount = 4900,
        Currency = "usd",
        RecurringInterval = "month",
        RecurringIntervalCount = 1,
        CurrentPeriodStart = start,
        CurrentPeriodEnd = end,
    };
}
