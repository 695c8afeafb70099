using PolarBilling.EntityFrameworkCore;

namespace SaasStarter.Billing;

/// <summary>Chooses where billing talks to (Polar or the embedded emulator) and where it stores its projection.</summary>
internal static class BillingSetup
{
    /// <summary>
    /// With <c>Polar:AccessToken</c> (or <c>POLAR_ACCESS_TOKEN</c>) set: real Polar at <c>Polar:Server</c>
    /// (<c>POLAR_SERVER</c>: production, sandbox or a URL). Without: an in-process Polar emulator. The billing tables go
    /// to <c>ConnectionStrings:Billing</c> (PostgreSQL when it names a <c>Host=</c>, else SQLite).
    /// </summary>
    public static async Task AddSaasStarterBillingAsync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var useEmulator = string.IsNullOrWhiteSpace(configuration["Polar:AccessToken"]) && string.IsNullOrWhiteSpace(configuration["POLAR_ACCESS_TOKEN"]);
        var billingDatabase = configuration.GetConnectionString("Billing");
        if (useEmulator)
        {
            await EmulatorMode.AddEmbeddedEmulatorAsync(builder);

            // The emulator keeps its state in memory, so a projection from an earlier run would point at objects it no
            // longer has: unless told otherwise, billing starts from an empty SQLite file of its own on each run.
            billingDatabase ??= SqliteFiles.Recreate("Data Source=saasstarter-billing.emulator.db", builder.Environment.ContentRootPath);
        }

        billingDatabase ??= configuration.GetConnectionString("Identity") ?? "Data Source=saasstarter.db";
        var billing = builder.Services.AddPolarBilling();
        if (IsPostgreSql(billingDatabase))
        {
            billing.UsePostgreSql(billingDatabase, store => store.MigrateOnStartup());
        }
        else
        {
            billing.UseSqlite(SqliteFiles.UnderContentRoot(billingDatabase, builder.Environment.ContentRootPath), store => store.MigrateOnStartup());
        }

        builder.Services.AddHostedService<StartupBanner>();
    }

    /// <summary>Npgsql connection strings name a host; Microsoft.Data.Sqlite ones a data source.</summary>
    internal static bool IsPostgreSql(string connectionString)
    {
        var keys = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim());
        return keys.Any(key => key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase));
    }
}
