using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Customers;

/// <summary>Members of team customers (and the owner member Polar gives every customer), by id.</summary>
internal sealed class MemberStore : EntityStore<Member>
{
    public MemberStore()
        : base("members", m => m.Id)
    {
    }

    /// <summary>The customer's members, oldest first.</summary>
    public IEnumerable<Member> OfCustomer(string customerId) => All.Where(m => m.CustomerId == customerId);
}
