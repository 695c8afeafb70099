namespace PolarBilling.Diagnostics;

/// <summary>
/// What the health checks ask the billing store: whether it answers, and the state of the webhook inbox. The EF Core
/// store implements it; a custom store implements it to take part in the <c>polar-billing</c> health checks.
/// </summary>
public interface IBillingStoreHealth
{
    /// <summary>Opens the store and runs a query against the billing tables.</summary>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <exception cref="Exception">Whatever the database throws: unreachable, bad credentials, tables missing (migrations not applied).</exception>
    Task PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts the inbox's pending and dead-lettered events and finds the oldest pending and latest dead-lettered one.</summary>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The counts, as of now.</returns>
    Task<WebhookInboxHealth> GetInboxHealthAsync(CancellationToken cancellationToken = default);
}
