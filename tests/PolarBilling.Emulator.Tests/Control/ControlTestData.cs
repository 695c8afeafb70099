using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Tests.Control;

/// <summary>
/// Puts objects straight into an emulator's stores, so control API tests (reset, export, import) do not depend on
/// how each resource's API creates them.
/// </summary>
internal static class ControlTestData
{
    public static Customer AddCustomer(PolarEmulator emulator, string email)
    {
        lock (emulator.State.Gate)
        {
            var customer = new CustomerIndividual
            {
                Id = PolarTokens.NewId(),
                CreatedAt = emulator.State.Now,
                Email = email,
                Name = "Ada Lovelace",
                ExternalId = "user-" + email,
                OrganizationId = emulator.OrganizationId,
                Metadata = new Dictionary<string, MetadataValue> { ["plan"] = "pro" },
            };
            emulator.State.Customers.Add(customer);
            return customer;
        }
    }

    public static int CustomerCount(PolarEmulator emulator)
    {
        lock (emulator.State.Gate)
        {
            return emulator.State.Customers.Count;
        }
    }
}
