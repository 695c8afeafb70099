using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Refunds;

/// <summary>
/// <c>revoke_benefits</c> on a one-time order's refund: Polar enqueues the revocation of the grants that order gave
/// (<c>enqueue_benefits_grants(task="revoke", order=...)</c>), each announced as <c>benefit_grant.revoked</c>.
/// </summary>
internal static class RefundBenefits
{
    public static void Revoke(EmulatorState state, Order order)
    {
        foreach (var grant in state.BenefitGrants.All.Where(g => g.OrderId == order.Id && g.IsGranted).ToList())
        {
            BenefitGrantActions.Revoke(state, grant);
        }
    }
}
