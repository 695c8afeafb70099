using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Entitlements;
using PolarBilling.Plans;

namespace PolarBilling.EntityFrameworkCore.Tests.Entitlements;

/// <summary>Adds entitlements (catalog with <c>pro</c> sold by <c>prod_pro</c>) and a recording change listener to a store instance.</summary>
internal static class EntitlementTestServices
{
    public const string ProProduct = "prod_pro";

    public static void Add(IServiceCollection services, RecordingChangeListener? recorder = null)
    {
        var pro = new BillingPlanOptions { Name = "Pro", ProductId = ProProduct, Price = 2900 };
        pro.Features.Add("api-access");
        services.AddSingleton(BillingPlanCatalog.Create(new Dictionary<string, BillingPlanOptions> { ["pro"] = pro }));
        services.AddOptions<PolarBillingOptions>();
        services.AddEntitlementCache();
        if (recorder is not null)
        {
            services.AddSingleton<IBillingChangeListener>(recorder);
        }
    }
}

/// <summary>Remembers every change it is told about.</summary>
internal sealed class RecordingChangeListener : IBillingChangeListener
{
    private readonly object _gate = new();

    public List<string> CustomerIds { get; } = [];

    public List<string> UserIds { get; } = [];

    public int Missed { get; private set; }

    public void OnCustomersChanged(IReadOnlyCollection<string> customerIds, IReadOnlyCollection<string> userIds)
    {
        lock (_gate)
        {
            CustomerIds.AddRange(customerIds);
            UserIds.AddRange(userIds);
        }
    }

    public void OnChangesMissed()
    {
        lock (_gate)
        {
            Missed++;
        }
    }
}
