using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Plans;

namespace PolarBilling.Usage.Provisioning;

public static partial class MeteredPlanProvisioner
{
    // One Polar meter per meter key, shared by every plan that lists it (the catalog requires one EventName per meter
    // key), so a customer's usage is one series whichever plan they are on.
    private static async Task<string> EnsureMeterAsync(PolarClient polar, MeteredComponent component, CancellationToken cancellationToken)
    {
        var found = await FindAsync(polar.Meters.ListAutoPagingAsync(
            new MeterListOptions { IsArchived = false, Metadata = Tag(MeterMetadataKey, component.Meter), Limit = 100 }, cancellationToken: cancellationToken),
            m => m.Metadata, MeterMetadataKey, component.Meter).ConfigureAwait(false);
        if (found is not null)
        {
            return found.Id;
        }

        var created = await polar.Meters.CreateAsync(new MeterCreate
        {
            Name = component.Name.Length >= 3 ? component.Name : $"{component.Name} meter",
            Unit = MeterUnit.Scalar,
            Filter = MeterFilters.EventName(component.EventName),
            Aggregation = MeterAggregations.Sum(QuantityProperty),
            Metadata = Tag(MeterMetadataKey, component.Meter),
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    // The included units: a meter_credit benefit per plan and meter, credited at each cycle without rollover.
    private static async Task<string> EnsureCreditAsync(
        PolarClient polar, string planKey, BillingPlanOptions plan, MeteredComponent component, string meterId, CancellationToken cancellationToken)
    {
        var metadata = Tag(PlanMetadataKey, planKey);
        metadata[MeterMetadataKey] = component.Meter;
        var found = await FindAsync(polar.Benefits.ListAutoPagingAsync(
            new BenefitListOptions { Type = [BenefitType.MeterCredit], Metadata = metadata, Limit = 100 }, cancellationToken: cancellationToken),
            b => b.Metadata, PlanMetadataKey, planKey,
            b => b.Metadata.TryGetValue(MeterMetadataKey, out var meter) && meter.ToString() == component.Meter).ConfigureAwait(false);
        if (found is not null)
        {
            return found.Id;
        }

        var created = await polar.Benefits.CreateAsync(new BenefitMeterCreditCreate
        {
            Description = CreditDescription(component, plan.Interval),
            Properties = new BenefitMeterCreditCreateProperties { MeterId = meterId, Units = component.Included, Rollover = false },
            Metadata = metadata,
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    /// <summary>What customers see for the credit, e.g. <c>10,000 calls per month</c> (Polar allows 3 to 42 characters).</summary>
    internal static string CreditDescription(MeteredComponent component, string? interval)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{component.Included:N0} {component.Unit} per {(interval ?? "month").ToLowerInvariant()}");
        return text.Length <= 42 ? text : text[..42];
    }
}
