using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.BenefitGrants;

/// <summary>
/// One grant changing state as in Polar's <c>BenefitGrantService</c>: the benefit strategy runs, a system event is
/// recorded, the <c>benefit_grant.*</c> webhook goes out with <c>previous_properties</c>, then <c>customer.state_changed</c>.
/// </summary>
internal static class BenefitGrantActions
{
    /// <summary><c>grant_benefit</c>: creates (or re-grants) the grant → <c>benefit_grant.created</c>.</summary>
    public static BenefitGrant Grant(EmulatorState state, Customer customer, Benefit benefit, GrantScope scope, BenefitGrant? grant = null)
    {
        var now = state.Now;
        if (grant is null)
        {
            grant = new BenefitGrant
            {
                Id = PolarTokens.NewId(),
                CreatedAt = now,
                CustomerId = customer.Id,
                BenefitId = benefit.Id,
                SubscriptionId = scope.SubscriptionId,
                OrderId = scope.OrderId,
                Customer = customer,
                Benefit = benefit,
                Properties = BenefitStrategies.Empty(),
            };
            state.BenefitGrants.Add(grant);
        }
        else
        {
            grant.ModifiedAt = now;
        }

        var previous = grant.Properties;
        grant.Properties = BenefitStrategies.Grant(state, benefit, customer.Id);
        grant.GrantedAt = now;
        grant.IsGranted = true;
        grant.RevokedAt = null;
        grant.IsRevoked = false;
        grant.Error = null;
        SystemEventLog.Record(state, new BenefitGrantedEvent { Metadata = Metadata(grant, benefit) }, customer.Id);
        Announce(state, grant, previous, g => new BenefitGrantCreatedWebhookEvent(g, state.Now));
        return grant;
    }

    /// <summary><c>revoke_benefit</c>: the grant ends → <c>benefit_grant.revoked</c>.</summary>
    public static void Revoke(EmulatorState state, BenefitGrant grant)
    {
        var benefit = state.Benefits.Find(grant.BenefitId) ?? grant.Benefit;
        var previous = grant.Properties;
        grant.Properties = BenefitStrategies.Revoke(state, benefit, grant);
        SetRevoked(state, grant);
        SystemEventLog.Record(state, new BenefitRevokedEvent { Metadata = Metadata(grant, benefit) }, grant.CustomerId);
        Announce(state, grant, previous, g => new BenefitGrantRevokedWebhookEvent(g, state.Now));
    }

    /// <summary><c>delete_benefit_grant</c> (customer or benefit deleted): revoked without a system event.</summary>
    public static void Delete(EmulatorState state, BenefitGrant grant)
    {
        var benefit = state.Benefits.Find(grant.BenefitId) ?? grant.Benefit;
        var previous = grant.Properties;
        grant.Properties = BenefitStrategies.Revoke(state, benefit, grant);
        SetRevoked(state, grant);
        Announce(state, grant, previous, g => new BenefitGrantRevokedWebhookEvent(g, state.Now));
    }

    /// <summary><c>cycle_benefit_grant</c>: a new period for a granted benefit → <c>benefit_grant.cycled</c>.</summary>
    public static void Cycle(EmulatorState state, BenefitGrant grant)
    {
        var benefit = state.Benefits.Find(grant.BenefitId) ?? grant.Benefit;
        var previous = grant.Properties;
        grant.Properties = BenefitStrategies.Cycle(state, benefit, grant);
        grant.ModifiedAt = state.Now;
        SystemEventLog.Record(state, new BenefitCycledEvent { Metadata = Metadata(grant, benefit) }, grant.CustomerId);
        Announce(state, grant, previous, g => new BenefitGrantCycledWebhookEvent(g, state.Now));
    }

    private static void SetRevoked(EmulatorState state, BenefitGrant grant)
    {
        // Polar's set_revoked clears granted_at: a grant is either granted or revoked.
        grant.GrantedAt = null;
        grant.IsGranted = false;
        grant.RevokedAt = state.Now;
        grant.IsRevoked = true;
        grant.ModifiedAt = state.Now;
    }

    private static void Announce(EmulatorState state, BenefitGrant grant, BenefitGrantProperties previous, Func<BenefitGrantWebhook, PolarWebhookEvent> build)
    {
        state.Webhooks.Emit(build(BenefitGrantViews.Webhook(state, grant, previous)));
        SubscriptionNotices.CustomerStateChanged(state, grant.CustomerId);
    }

    private static BenefitGrantMetadata Metadata(BenefitGrant grant, Benefit benefit) => new()
    {
        BenefitId = benefit.Id,
        BenefitGrantId = grant.Id,
        BenefitType = new BenefitType(BenefitKinds.TypeOf(benefit)),
        MemberId = grant.MemberId,
    };
}
