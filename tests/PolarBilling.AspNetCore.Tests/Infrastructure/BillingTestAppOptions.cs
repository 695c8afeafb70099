using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace PolarBilling.AspNetCore.Tests.Infrastructure;

/// <summary>How <see cref="BillingTestApp.StartAsync"/> builds the app; every hook is optional.</summary>
public sealed class BillingTestAppOptions
{
    /// <summary>Further PolarBilling settings in code (applied after the test catalog and secret), e.g. prorations or the rate limit.</summary>
    public Action<PolarBillingOptions>? Configure { get; init; }

    /// <summary>Further service registrations, after <c>AddPolarBilling()</c> and the store.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Maps extra endpoints (e.g. gated demo endpoints) after <c>MapPolarBilling()</c>.</summary>
    public Action<WebApplication>? ConfigureApp { get; init; }

    /// <summary>A PostgreSQL connection string (e.g. from PostgresCluster.CreateDatabaseAsync); SQLite in a temp file when null.</summary>
    public string? PostgreSqlConnectionString { get; init; }

    /// <summary>Whether the emulator sends webhooks to the app's receiver. Default true.</summary>
    public bool SubscribeWebhooks { get; init; } = true;

    /// <summary>Whether the background dispatcher projects the inbox. Default true.</summary>
    public bool Project { get; init; } = true;
}
