using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Notifications;
using PolarBilling.Store;

namespace PolarBilling.Projection;

public sealed partial class BillingProjector
{
    private static async Task<ProjectionOutcome> ApplySubscriptionAsync(Subscription data, ProjectionScope scope)
    {
        RequiredData.Check(data, scope);
        var customer = await UpsertEmbeddedCustomerAsync(
            data.Customer is null ? null : CustomerSnapshot.From(data.Customer), data.CustomerId, scope).ConfigureAwait(false);
        var version = scope.VersionOf(data.ModifiedAt, data.CreatedAt);
        var notes = new NotificationRecorder(scope, customer, data.Id, version);
        await RecordSubscriptionEventAsync(data, notes, scope).ConfigureAwait(false);

        var row = await scope.Store.FindSubscriptionAsync(data.Id, scope.CancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new BillingSubscription { Id = data.Id };
            scope.Store.Add(row);
        }
        else if (!version.Supersedes(row))
        {
            return ProjectionOutcome.Stale;
        }
        else
        {
            await RecordTransitionsAsync(row, data, notes).ConfigureAwait(false);
        }

        Copy(data, row);
        version.StampOnto(row, scope.Now);
        return ProjectionOutcome.Applied;
    }

    private static Task RecordSubscriptionEventAsync(Subscription data, NotificationRecorder notes, ProjectionScope scope)
    {
        var kind = scope.EventType switch
        {
            WebhookEventTypes.SubscriptionActive => BillingNotificationKind.SubscriptionActivated,
            WebhookEventTypes.SubscriptionCanceled => BillingNotificationKind.SubscriptionCanceled,
            WebhookEventTypes.SubscriptionUncanceled => BillingNotificationKind.SubscriptionUncanceled,
            WebhookEventTypes.SubscriptionRevoked => BillingNotificationKind.SubscriptionRevoked,
            WebhookEventTypes.SubscriptionPastDue => BillingNotificationKind.SubscriptionPastDue,
            WebhookEventTypes.SubscriptionCreated when data.Status == SubscriptionStatus.Trialing => BillingNotificationKind.TrialStarted,
            _ => (BillingNotificationKind?)null,
        };
        if (kind is not { } k)
        {
            return Task.CompletedTask;
        }

        // A trial starts once per subscription; the other kinds once per event Polar sent.
        var key = k == BillingNotificationKind.TrialStarted ? $"trial_started:{data.Id}" : $"{NotificationRecorder.Name(k)}:{data.Id}:{scope.EventId}";
        return notes.RecordAsync(k, key, n => n.ProductId = data.ProductId);
    }

    /// <summary>Changes only visible against the previous state: recorded when a newer state is applied over an older one.</summary>
    private static async Task RecordTransitionsAsync(BillingSubscription row, Subscription data, NotificationRecorder notes)
    {
        var ticks = notes.Version.Data.UtcTicks.ToString(CultureInfo.InvariantCulture);
        if (row.PolarModifiedAt is not null && row.ProductId.Length > 0 && !string.Equals(row.ProductId, data.ProductId, StringComparison.Ordinal))
        {
            var previous = row.ProductId;
            await notes.RecordAsync(BillingNotificationKind.PlanChanged, $"plan_changed:{data.Id}:{previous}:{data.ProductId}:{ticks}", n =>
            {
                n.ProductId = data.ProductId;
                n.PreviousProductId = previous;
                n.Amount = data.Amount;
                n.Currency = data.Currency;
            }).ConfigureAwait(false);
        }

        if (row.Status == SubscriptionStatus.PastDue.Value && data.Status == SubscriptionStatus.Active)
        {
            await notes.RecordAsync(BillingNotificationKind.SubscriptionRecovered, $"subscription_recovered:{data.Id}:{ticks}", n => n.ProductId = data.ProductId)
                .ConfigureAwait(false);
        }
    }

    private static void Copy(Subscription data, BillingSubscription row)
    {
        row.CustomerId = data.CustomerId;
        row.ProductId = data.ProductId;
        row.PlanKey = PlanKeyOf(data);
        row.Status = data.Status.Value;
        row.Amount = data.Amount;
        row.Currency = data.Currency.ToLowerInvariant();
        row.RecurringInterval = data.RecurringInterval.Value;
        row.RecurringIntervalCount = (int)data.RecurringIntervalCount;
        row.CurrentPeriodStart = data.CurrentPeriodStart.ToUniversalTime();
        row.CurrentPeriodEnd = data.CurrentPeriodEnd.ToUniversalTime();
        row.TrialStart = data.TrialStart?.ToUniversalTime();
        row.TrialEnd = data.TrialEnd?.ToUniversalTime();
        row.CancelAtPeriodEnd = data.CancelAtPeriodEnd;
        row.CanceledAt = data.CanceledAt?.ToUniversalTime();
        row.StartedAt = data.StartedAt?.ToUniversalTime();
        row.EndsAt = data.EndsAt?.ToUniversalTime();
        row.EndedAt = data.EndedAt?.ToUniversalTime();
        row.PastDueAt = data.PastDueAt?.ToUniversalTime();
    }

    private static string? PlanKeyOf(Subscription data)
    {
        var metadata = data.Product?.Metadata;
        return metadata is not null && metadata.TryGetValue("plan_key", out var value) ? value.ToString() : null;
    }
}
