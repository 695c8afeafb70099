using PolarBilling.Client;

namespace PolarBilling.Reconciliation;

public sealed partial class BillingReconciler
{
    /// <summary>
    /// Checks the app's webhook endpoint in Polar: finds it by URL, re-enables it when Polar disabled it (Polar disables
    /// endpoints that keep failing) and asks Polar to redeliver every event whose deliveries all failed since
    /// <paramref name="since"/>. Redelivery is safe: the inbox ignores <c>webhook-id</c>s it already has.
    /// </summary>
    /// <param name="url">The endpoint URL the app receives on.</param>
    /// <param name="since">Oldest deliveries to consider; <see langword="null"/> for all Polar keeps.</param>
    /// <param name="enable">Whether to re-enable a disabled endpoint. Default <see langword="true"/>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The endpoint's state and what was redelivered.</returns>
    /// <exception cref="PolarException">Polar could not be read or updated.</exception>
    public async Task<WebhookEndpointCheck> CheckWebhookEndpointAsync(
        string url, DateTimeOffset? since = null, bool enable = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        WebhookEndpoint? endpoint = null;
        await foreach (var candidate in client.Webhooks.ListAutoPagingAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(candidate.Url, url, StringComparison.OrdinalIgnoreCase))
            {
                endpoint = candidate;
                break;
            }
        }

        if (endpoint is null)
        {
            return new WebhookEndpointCheck(null, false, false, []);
        }

        var wasEnabled = endpoint.Enabled;
        if (!wasEnabled && enable)
        {
            endpoint = await client.Webhooks.EnableAsync(endpoint.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var failed = new HashSet<string>(StringComparer.Ordinal);
        var succeeded = new HashSet<string>(StringComparer.Ordinal);
        var deliveries = client.Webhooks.ListDeliveriesAutoPagingAsync(
            new WebhookDeliveryListOptions { EndpointId = [endpoint.Id], StartTimestamp = since, Limit = PageSize }, cancellationToken: cancellationToken);
        await foreach (var delivery in deliveries.ConfigureAwait(false))
        {
            (delivery.Succeeded ? succeeded : failed).Add(delivery.WebhookEvent.Id);
        }

        failed.ExceptWith(succeeded);
        var redelivered = failed.Order(StringComparer.Ordinal).ToList();
        foreach (var eventId in redelivered)
        {
            await client.Webhooks.RedeliverAsync(eventId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new WebhookEndpointCheck(endpoint.Id, wasEnabled, endpoint.Enabled, redelivered);
    }
}
