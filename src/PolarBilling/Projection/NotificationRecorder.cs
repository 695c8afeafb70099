using System.Text;
using PolarBilling.Notifications;
using PolarBilling.Store;

namespace PolarBilling.Projection;

/// <summary>Records the notifications of one projected object into the same unit of work as its rows.</summary>
internal sealed class NotificationRecorder(ProjectionScope scope, BillingCustomer customer, string subjectId, PolarVersion version)
{
    public PolarVersion Version => version;

    public async Task RecordAsync(BillingNotificationKind kind, string key, Action<BillingNotification>? configure = null)
    {
        var notification = new BillingNotification
        {
            Key = key,
            Kind = kind,
            SourceEventId = scope.EventId,
            CustomerId = customer.Id,
            UserId = customer.UserId,
            SubjectId = subjectId,
            OccurredAt = version.Data,
            CreatedAt = scope.Now,
            NextAttemptAt = scope.Now,
            Status = BillingNotificationStatus.Pending,
        };
        configure?.Invoke(notification);
        await scope.Store.RecordNotificationAsync(notification, scope.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>snake_case of the kind, for keys: <c>SubscriptionPastDue</c> → <c>subscription_past_due</c>.</summary>
    public static string Name(BillingNotificationKind kind)
    {
        var text = kind.ToString();
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(text[i]));
        }

        return builder.ToString();
    }
}
