using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Events;

/// <summary>Fills what an answered event shows beside its stored fields: the customer as it is now, the customer's external id, and how many children it has.</summary>
internal static class EventViews
{
    public static Event Refresh(EmulatorState state, Event item, ILookup<string?, Event>? children = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(item);
        if (item.CustomerId is not null && state.Customers.Find(item.CustomerId) is { } customer)
        {
            item.Customer = customer;
            item.ExternalCustomerId ??= customer.ExternalId;
        }
        else
        {
            item.Customer = null;
        }

        item.ChildCount = children is null ? state.Events.All.Count(e => e.ParentId == item.Id) : children[item.Id].Count();
        return item;
    }
}
