using PolarBilling.Client;

namespace PolarBilling.Projection;

/// <summary>
/// The fields the projector cannot do without. Polar's schema makes them required, but a JSON <c>null</c> still
/// parses into the models, so they are checked before anything is written.
/// </summary>
internal static class RequiredData
{
    public static void Check(Order data, ProjectionScope scope)
    {
        Require(data.Id, "data.id", scope);
        Require(data.CustomerId, "data.customer_id", scope);
        Require(data.Currency, "data.currency", scope);
        Require(data.Status.Value, "data.status", scope);
        Require(data.BillingReason.Value, "data.billing_reason", scope);
    }

    public static void Check(Subscription data, ProjectionScope scope)
    {
        Require(data.Id, "data.id", scope);
        Require(data.CustomerId, "data.customer_id", scope);
        Require(data.ProductId, "data.product_id", scope);
        Require(data.Currency, "data.currency", scope);
        Require(data.Status.Value, "data.status", scope);
        Require(data.RecurringInterval.Value, "data.recurring_interval", scope);
    }

    private static void Require(string? value, string field, ProjectionScope scope)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new PolarEventDataException(scope.EventType is null ? "Polar API data" : $"{scope.EventType} (webhook-id {scope.EventId})", field);
        }
    }
}
