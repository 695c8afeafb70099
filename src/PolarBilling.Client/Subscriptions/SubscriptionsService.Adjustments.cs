using System.Text.Json;

namespace PolarBilling.Client;

/// <content>Changes that never charge at once: discounts, scheduled changes and metadata.</content>
public sealed partial class SubscriptionsService
{
    /// <summary>
    /// Applies a discount from the next billing cycle on (sends only <c>discount_id</c>). Retried after transient failures.
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="discountId">The discount to apply; replaces the current one.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="discountId"/> is null or empty.</exception>
    /// <exception cref="PolarValidationException">The discount does not exist or does not apply to the product (422).</exception>
    public Task<Subscription> ApplyDiscountAsync(
        string id, string discountId, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(discountId);
        return UpdateAsync(id, new SubscriptionUpdateBase { DiscountId = discountId }, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Removes the discount from the next billing cycle on (sends exactly <c>{"discount_id": null}</c>; an omitted
    /// field would change nothing). Retried after transient failures.
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public Task<Subscription> RemoveDiscountAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        // The generated model omits a null DiscountId, so the explicit null travels as an unmodelled field.
        var body = new SubscriptionUpdateBase { AdditionalProperties = new Dictionary<string, JsonElement> { ["discount_id"] = JsonNull } };
        return UpdateAsync(id, body, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Drops the scheduled change (a downgrade or seat change waiting for the period end, see
    /// <see cref="Subscription.PendingUpdate"/>): sends exactly <c>{"pending_update": null}</c>. Retried after transient failures.
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public Task<Subscription> ClearPendingUpdateAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new SubscriptionUpdateClear { PendingUpdate = null }, requestOptions, cancellationToken);

    /// <summary>Replaces the subscription's metadata (sends only <c>metadata</c>). Retried after transient failures.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="metadata">Up to 50 pairs; keys up to 40 characters, string values up to 500.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="metadata"/> is null.</exception>
    public Task<Subscription> UpdateMetadataAsync(
        string id, IDictionary<string, MetadataValue> metadata, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return UpdateAsync(id, new SubscriptionUpdateBase { Metadata = new Dictionary<string, MetadataValue>(metadata) }, requestOptions, cancellationToken);
    }

    private static JsonElement JsonNull { get; } = ParseNull();

    private static JsonElement ParseNull()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }
}
