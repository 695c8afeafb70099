using PolarBilling.Client;
using PolarBilling.Plans;

namespace PolarBilling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The sample's catalog, created as real products on the emulator: <c>free</c> (agents: 1), <c>pro</c> ($29/month,
/// 14-day trial, agents: 5, api-access), <c>enterprise</c> ($99/month, agents: 50, api-access, sso), and the one-time
/// <c>course</c> ($299, course-access).
/// </summary>
public sealed record TestPlans(string ProId, string EnterpriseId, string CourseId)
{
    public const long ProPrice = 2900;
    public const long EnterprisePrice = 9900;
    public const long CoursePrice = 29900;

    public static async Task<TestPlans> CreateAsync(PolarClient polar, CancellationToken cancellationToken)
    {
        var pro = await polar.Products.CreateAsync(new ProductCreateRecurring
        {
            Name = "Pro",
            RecurringInterval = RecurringInterval.Month,
            TrialInterval = TrialInterval.Day,
            TrialIntervalCount = 14,
            Prices = [new ProductPriceFixedCreate { PriceAmount = ProPrice, PriceCurrency = PresentmentCurrency.Usd }],
        }, cancellationToken: cancellationToken);
        var enterprise = await polar.Products.CreateAsync(new ProductCreateRecurring
        {
            Name = "Enterprise",
            RecurringInterval = RecurringInterval.Month,
            Prices = [new ProductPriceFixedCreate { PriceAmount = EnterprisePrice, PriceCurrency = PresentmentCurrency.Usd }],
        }, cancellationToken: cancellationToken);
        var course = await polar.Products.CreateAsync(new ProductCreateOneTime
        {
            Name = "Course",
            Prices = [new ProductPriceFixedCreate { PriceAmount = CoursePrice, PriceCurrency = PresentmentCurrency.Usd }],
        }, cancellationToken: cancellationToken);
        return new TestPlans(pro.Id, enterprise.Id, course.Id);
    }

    /// <summary>The product id of a paid plan key.</summary>
    public string ProductIdOf(string plan) => plan switch
    {
        "pro" => ProId,
        "enterprise" => EnterpriseId,
        "course" => CourseId,
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "Not a paid test plan."),
    };

    /// <summary>Puts the four plans in the options, as an app's appsettings would.</summary>
    public void AddTo(PolarBillingOptions options)
    {
        var free = new BillingPlanOptions { Name = "Free" };
        free.Limits["agents"] = 1;
        options.Plans["free"] = free;

        var pro = new BillingPlanOptions { Name = "Pro", ProductId = ProId, Price = ProPrice, TrialDays = 14 };
        pro.Features.Add("api-access");
        pro.Limits["agents"] = 5;
        options.Plans["pro"] = pro;

        var enterprise = new BillingPlanOptions { Name = "Enterprise", ProductId = EnterpriseId, Price = EnterprisePrice };
        enterprise.Features.Add("api-access");
        enterprise.Features.Add("sso");
        enterprise.Limits["agents"] = 50;
        options.Plans["enterprise"] = enterprise;

        var course = new BillingPlanOptions { Name = "Course", ProductId = CourseId, Price = CoursePrice, OneTime = true };
        course.Features.Add("course-access");
        options.Plans["course"] = course;
    }
}
