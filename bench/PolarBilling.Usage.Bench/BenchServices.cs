using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.EntityFrameworkCore;

namespace PolarBilling.Usage.Bench;

/// <summary>The services an app gets from <c>AddPolarBilling().UseSqlite(…)</c>, without starting its workers.</summary>
internal static class BenchServices
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(BenchSettings.Polar()).Build());
        services.AddLogging();
        services.AddPolarBilling().UseSqlite("Data Source=usage-bench-record;Mode=Memory;Cache=Shared");
        return services.BuildServiceProvider();
    }
}
