using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Notifications;
using PolarBilling.Store;

namespace PolarBilling.Projection;

public sealed partial class BillingProjector
{
    private static async Task<ProjectionOutcome> ApplyBenefitGrantAsync(BenefitGrantWebhook data, string? benefitType, ProjectionScope scope)
    {
        var customer = await UpsertEmbeddedCustomerAsync(
            data.Customer is null ? null : CustomerSnapshot.From(data.Customer), data.CustomerId, scope).ConfigureAwait(false);
        var version = scope.VersionOf(data.ModifiedAt, data.CreatedAt);
        var notes = new NotificationRecorder(scope, customer, data.Id, version);

        // Keyed by the grant and the moment it was granted or revoked: each grant and each revocation is told once,
        // whichever of created/updated/cycled/revoked carried it and in whatever order they came.
        if (data.IsGranted && data.GrantedAt is { } grantedAt)
        {
            await notes.RecordAsync(BillingNotificationKind.BenefitGranted, $"benefit_granted:{data.Id}:{Ticks(grantedAt)}", n => n.ProductId = data.BenefitId)
                .ConfigureAwait(false);
        }

        if (data.IsRevoked && data.RevokedAt is { } revokedAt)
        {
            await notes.RecordAsync(BillingNotificationKind.BenefitRevoked, $"benefit_revoked:{data.Id}:{Ticks(revokedAt)}", n => n.ProductId = data.BenefitId)
                .ConfigureAwait(false);
        }

        var row = await scope.Store.FindBenefitGrantAsync(data.Id, scope.CancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new BillingBenefitGrant { Id = data.Id };
            scope.Store.Add(row);
        }
        else if (!version.Supersedes(row))
        {
            return ProjectionOutcome.Stale;
        }

        row.CustomerId = data.CustomerId;
        row.BenefitId = data.BenefitId;
        row.BenefitType = benefitType ?? row.BenefitType;
        row.SubscriptionId = data.SubscriptionId;
        row.OrderId = data.OrderId;
        row.IsGranted = data.IsGranted;
        row.GrantedAt = data.GrantedAt?.ToUniversalTime();
        row.IsRevoked = data.IsRevoked;
        row.RevokedAt = data.RevokedAt?.ToUniversalTime();
        version.StampOnto(row, scope.Now);
        return ProjectionOutcome.Applied;
    }

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
