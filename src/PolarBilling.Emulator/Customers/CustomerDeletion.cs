using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Customers;

/// <summary>
/// <c>DELETE /v1/customers/{id}</c> as Polar's <c>customer/service.py delete</c>: members are deleted in the request
/// (<c>member.deleted</c>); the customer is soft-deleted (its <c>external_id</c> cleared for reuse and kept in metadata
/// as <c>__external_id</c>) and from then on answers 404; jobs then revoke its subscriptions and benefits and send
/// <c>customer.deleted</c> + <c>customer.state_changed</c>. With <c>anonymize=true</c> Polar instead scrubs the personal
/// data (hashed email and name, no address, <c>__anonymized_at</c>), keeps the external id, and sends
/// <c>customer.updated</c> + <c>customer.state_changed</c>.
/// </summary>
internal static class CustomerDeletion
{
    private const string AnonymizedEmailDomain = "anonymized.polar.sh";

    public static void Delete(EmulatorState state, Customer customer, bool anonymize)
    {
        MemberRules.DeleteAll(state, customer.Id);
        if (anonymize)
        {
            Anonymize(state, customer);
            SubscriptionEngine.RevokeAllForCustomer(state, customer.Id);
            CustomerEngine.Updated(state, customer);
            return;
        }

        customer.DeletedAt = state.Now;
        customer.ModifiedAt = state.Now;
        if (customer.ExternalId is { } externalId)
        {
            customer.Metadata["__external_id"] = externalId;
            customer.ExternalId = null;
        }

        SubscriptionEngine.RevokeAllForCustomer(state, customer.Id);
        SystemEvents.CustomerDeleted(state, customer);
        state.Webhooks.Emit(new CustomerDeletedWebhookEvent(customer, state.Now));
        CustomerEngine.StateChanged(state, customer.Id);
    }

    private static void Anonymize(EmulatorState state, Customer customer)
    {
        if (CustomerEngine.EmailOf(customer) is { } email)
        {
            CustomerChanges.SetEmail(customer, $"{Hash(email, customer.CreatedAt)}@{AnonymizedEmailDomain}");
        }

        customer.EmailVerified = false;
        if (customer.TaxId is null && !string.IsNullOrEmpty(customer.Name))
        {
            // Businesses (with a tax id) keep their name for legal reasons.
            customer.Name = Hash(customer.Name, customer.CreatedAt);
        }

        if (customer.BillingName is { Length: > 0 } billingName)
        {
            customer.BillingName = Hash(billingName, customer.CreatedAt);
        }

        customer.BillingAddress = null;
        customer.DeletedAt = state.Now;
        customer.Metadata["__anonymized_at"] = PythonIso(state.Now);
    }

    private static string Hash(string value, DateTimeOffset createdAt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PythonIso(createdAt) + value)));

    // Python's datetime.isoformat() of an aware UTC time: microseconds only when non-zero, "+00:00" offset.
    private static string PythonIso(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var micro = (utc.Ticks % TimeSpan.TicksPerSecond) / 10;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return (micro == 0 ? text : text + "." + micro.ToString("D6", CultureInfo.InvariantCulture)) + "+00:00";
    }
}
