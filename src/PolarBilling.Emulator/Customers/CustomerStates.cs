using PolarBilling.Client;
using PolarBilling.Emulator.CustomerMeters;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Customers;

/// <summary>
/// Builds Polar's <see cref="CustomerState"/> (server <c>customer/service.py get_state</c>): the customer's fields,
/// subscriptions that are <c>active</c> or <c>trialing</c> with their meters, benefits currently granted, and the
/// customer's meters.
/// </summary>
internal static class CustomerStates
{
    public static CustomerState Build(EmulatorState state, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = ModelProjection.As<CustomerState>(customer);
        var meters = CustomerMeterEngine.ForCustomer(state, customer);
        result.ActiveSubscriptions = [.. state.Subscriptions.ForCustomer(customer.Id)
            .Where(s => s.CustomerId == customer.Id && (s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Trialing))
            .OrderBy(s => s.StartedAt ?? s.CreatedAt)
            .Select(s => Subscription(s, meters))];
        result.GrantedBenefits = [.. state.BenefitGrants.ForCustomer(customer.Id)
            .Where(g => g.CustomerId == customer.Id && g.IsGranted)
            .OrderBy(g => g.GrantedAt ?? g.CreatedAt)
            .Select(g => Grant(state, g))];
        result.ActiveMeters = [.. meters.Select(m => new CustomerStateMeter
        {
            Id = m.Id,
            CreatedAt = m.CreatedAt,
            ModifiedAt = m.ModifiedAt,
            MeterId = m.MeterId,
            ConsumedUnits = m.ConsumedUnits,
            CreditedUnits = m.CreditedUnits,
            Balance = m.Balance,
        })];
        return result;
    }

    private static CustomerStateSubscription Subscription(Subscription subscription, List<CustomerMeter> meters) => new()
    {
        Id = subscription.Id,
        CreatedAt = subscription.CreatedAt,
        ModifiedAt = subscription.ModifiedAt,
        CustomFieldData = subscription.CustomFieldData,
        Metadata = subscription.Metadata,
        Status = subscription.Status.Value,
        Amount = subscription.Amount,
        Currency = subscription.Currency,
        RecurringInterval = subscription.RecurringInterval,
        CurrentPeriodStart = subscription.CurrentPeriodStart,
        CurrentPeriodEnd = subscription.CurrentPeriodEnd,
        TrialStart = subscription.TrialStart,
        TrialEnd = subscription.TrialEnd,
        CancelAtPeriodEnd = subscription.CancelAtPeriodEnd,
        CanceledAt = subscription.CanceledAt,
        StartedAt = subscription.StartedAt,
        EndsAt = subscription.EndsAt,
        ProductId = subscription.ProductId,
        DiscountId = subscription.DiscountId,
        Meters = [.. subscription.Meters.Select(m =>
        {
            var current = meters.FirstOrDefault(c => c.MeterId == m.MeterId);
            return new CustomerStateSubscriptionMeter
            {
                Id = m.Id,
                CreatedAt = m.CreatedAt,
                ModifiedAt = m.ModifiedAt,
                MeterId = m.MeterId,
                ConsumedUnits = current?.ConsumedUnits ?? m.ConsumedUnits,
                CreditedUnits = current?.CreditedUnits ?? m.CreditedUnits,
                Amount = m.Amount,
            };
        })],
    };

    private static CustomerStateBenefitGrant Grant(EmulatorState state, BenefitGrant grant)
    {
        var benefit = state.Benefits.Find(grant.BenefitId) ?? grant.Benefit;
        return new CustomerStateBenefitGrant
        {
            Id = grant.Id,
            CreatedAt = grant.CreatedAt,
            ModifiedAt = grant.ModifiedAt,
            GrantedAt = grant.GrantedAt ?? grant.CreatedAt,
            BenefitId = grant.BenefitId,
            BenefitType = BenefitType.From(BenefitKinds.Of(benefit)),
            BenefitMetadata = benefit?.Metadata ?? [],
            Properties = grant.Properties,
        };
    }
}
