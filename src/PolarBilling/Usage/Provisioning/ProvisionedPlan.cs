namespace PolarBilling.Usage.Provisioning;

/// <summary>What <see cref="MeteredPlanProvisioner.EnsureAsync"/> found or created on Polar for one plan.</summary>
/// <param name="PlanKey">The plan key.</param>
/// <param name="ProductId">The Polar product selling the plan (put it in <c>Polar:Plans:{key}:ProductId</c>).</param>
/// <param name="MeterIds">The Polar meter of each metered component, by meter key; empty for a plan without meters.</param>
/// <param name="BenefitIds">The <c>meter_credit</c> benefit of each component with included units, by meter key.</param>
public sealed record ProvisionedPlan(
    string PlanKey,
    string ProductId,
    IReadOnlyDictionary<string, string> MeterIds,
    IReadOnlyDictionary<string, string> BenefitIds);
