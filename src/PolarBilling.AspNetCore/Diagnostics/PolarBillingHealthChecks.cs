namespace PolarBilling.AspNetCore.Diagnostics;

/// <summary>The names and tag of PolarBilling's health checks, for <c>MapHealthChecks</c> predicates and dashboards.</summary>
public static class PolarBillingHealthChecks
{
    /// <summary>The tag every PolarBilling check carries.</summary>
    public const string Tag = "polar-billing";

    /// <summary>The billing store answers a query on its tables. Unhealthy when it does not.</summary>
    public const string Database = "polar-billing-database";

    /// <summary>Polar answers an authenticated request. Degraded on a timeout, 429 or 5xx; Unhealthy on 401/403.</summary>
    public const string Polar = "polar-billing-polar";

    /// <summary>The webhook inbox's backlog. Degraded above the configured count or age.</summary>
    public const string WebhookInbox = "polar-billing-webhook-inbox";

    /// <summary>Dead-lettered webhook events. <see cref="PolarBillingHealthCheckOptions.DeadLetterStatus"/> while any exists.</summary>
    public const string DeadLetters = "polar-billing-dead-letters";
}
