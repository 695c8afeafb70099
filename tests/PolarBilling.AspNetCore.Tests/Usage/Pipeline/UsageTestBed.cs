using System.Text;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Client;
using PolarBilling.Emulator;
using PolarBilling.Usage.Provisioning;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage.Pipeline;

/// <summary>
/// What outlives app instances in a usage test: the emulator (with the provisioned <c>api</c> plan and a webhook
/// endpoint at a fixed loopback port), the database, and a client on the emulator for checking Polar's side.
/// </summary>
internal sealed class UsageTestBed : IAsyncDisposable
{
    private readonly string? _sqlitePath;

    private UsageTestBed(PolarEmulator emulator, PolarClient polar, ProvisionedPlan plan, Uri baseAddress, string secret, string? postgreSql, string? sqlitePath)
    {
        Emulator = emulator;
        Polar = polar;
        Plan = plan;
        BaseAddress = baseAddress;
        Secret = secret;
        PostgreSql = postgreSql;
        _sqlitePath = sqlitePath;
    }

    public PolarEmulator Emulator { get; }

    public PolarClient Polar { get; }

    public ProvisionedPlan Plan { get; }

    public Uri BaseAddress { get; }

    public string Secret { get; }

    public string? PostgreSql { get; }

    public string MeterId => Plan.MeterIds["api_calls"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new emulator and database: PostgreSQL when <paramref name="postgreSql"/> is given, else a SQLite file.</summary>
    public static async Task<UsageTestBed> CreateAsync(string? postgreSql)
    {
        var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { RateLimitPerMinute = 0, WebhookRetryTimeScale = 0.001 }, Ct);
        var polar = new PolarClient(emulator.CreateClientOptions());
        var plan = await MeteredPlanProvisioner.EnsureAsync(polar, "api", UsagePipelineHost.ApiPlan(), Ct);
        var baseAddress = new Uri($"http://127.0.0.1:{LocalResources.FreePort()}/");
        var secret = emulator.AddWebhookEndpoint(new Uri(baseAddress, "api/webhooks/polar").ToString()).Secret;
        var sqlitePath = postgreSql is null ? Path.Combine(Path.GetTempPath(), $"polarbilling-usage-{Guid.NewGuid():N}.db") : null;
        return new UsageTestBed(emulator, polar, plan, baseAddress, secret, postgreSql, sqlitePath);
    }

    /// <summary>Starts an app instance on this bed.</summary>
    public Task<UsagePipelineHost> StartAppAsync(Action<PolarBilling.Usage.UsageOptions>? usage = null) =>
        UsagePipelineHost.StartAsync(Emulator, BaseAddress, Secret, Plan.ProductId, PostgreSql, _sqlitePath, usage);

    /// <summary>The api_calls units Polar holds for the user's events with a timestamp in [start, end).</summary>
    public async Task<long> PolarUnitsAsync(string userId, DateTimeOffset start, DateTimeOffset end) =>
        (long)await Polar.Meters.GetTotalForExternalCustomerAsync(MeterId, userId, start, end, cancellationToken: Ct);

    /// <summary>Adds an emulator fault rule (JSON as in the testing guide).</summary>
    public async Task AddFaultAsync(string rule)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var body = new StringContent(rule, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/emulator/faults", body, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    public async ValueTask DisposeAsync()
    {
        Polar.Dispose();
        await Emulator.DisposeAsync();
        LocalResources.DeleteSqlite(_sqlitePath);
    }
}
