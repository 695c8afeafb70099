using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.CustomerMeters;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Events;

/// <summary>
/// <c>POST /v1/events/ingest</c> as Polar's <c>event/service.py ingest</c>: every event is checked first (timestamp not
/// in the future, no <c>organization_id</c> with an organization token, a known customer for <c>customer_id</c>, a
/// known parent) and one bad event rejects the batch with every issue listed; then each event is inserted unless its
/// <c>external_id</c> was already ingested (Polar's <c>ON CONFLICT DO NOTHING</c>), which counts as a duplicate.
/// Customers whose meters moved get <c>customer.state_changed</c>, as Polar's <c>customer_meter.update_customer</c> job sends it.
/// </summary>
internal static partial class EventIngestion
{
    public static EventsIngestResponse Ingest(EmulatorState state, JsonElement body)
    {
        var items = body.GetProperty("events").EnumerateArray().ToList();
        var batchIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (CustomerCreation.Text(item, "external_id") is { } externalId)
            {
                batchIds[externalId] = PolarTokens.NewId();
            }
        }

        var issues = new List<ValidationIssue>();
        var drafts = new List<(UserEvent Event, string? ExternalId)>();
        for (var index = 0; index < items.Count; index++)
        {
            if (Draft(state, items[index], index, batchIds, issues) is { } draft)
            {
                drafts.Add(draft);
            }
        }

        if (issues.Count > 0)
        {
            throw Problems.Validation(issues);
        }

        long inserted = 0;
        long duplicates = 0;
        var touched = new HashSet<Customer>();
        foreach (var (item, externalId) in drafts)
        {
            if (externalId is not null && state.Events.HasExternalId(externalId))
            {
                duplicates++;
                continue;
            }

            state.Events.Ingest(item, externalId, state.Now);
            inserted++;
            if ((CustomerEngine.Find(state, item.CustomerId) ?? (item.ExternalCustomerId is { } ext ? CustomerEngine.FindByExternalId(state, ext) : null)) is { } customer)
            {
                touched.Add(customer);
            }
        }

        foreach (var customerId in CustomerMeterEngine.Update(state, touched))
        {
            CustomerEngine.StateChanged(state, customerId);
        }

        return new EventsIngestResponse { Inserted = inserted, Duplicates = duplicates };
    }

    private static (UserEvent Event, string? ExternalId)? Draft(EmulatorState state, JsonElement item, int index, Dictionary<string, string> batchIds, List<ValidationIssue> issues)
    {
        var customerId = CustomerCreation.Text(item, "customer_id");
        var member = customerId is not null ? "EventCreateCustomer" : "EventCreateExternalCustomer";
        var timestamp = state.Now;
        var issuesBefore = issues.Count;
        if (CustomerCreation.Text(item, "timestamp") is { } text)
        {
            var parsed = item.GetProperty("timestamp").GetDateTimeOffset();
            if (!HasOffset().IsMatch(text))
            {
                issues.Add(new ValidationIssue("timezone_aware", ["body", "events", index, member, "timestamp"], "Input should have timezone info", text));
            }
            else if (parsed > state.Now)
            {
                issues.Add(new ValidationIssue("value_error", ["body", "events", index, member, "timestamp"], "Value error, Timestamp must be in the past.", text));
            }

            timestamp = new DateTimeOffset(parsed.UtcTicks - (parsed.UtcTicks % 10), TimeSpan.Zero);
        }

        if (CustomerCreation.Text(item, "organization_id") is { } organizationId)
        {
            issues.Add(new ValidationIssue("organization_token", ["body", "events", index, "organization_id"], "Setting organization_id is disallowed when using an organization token.", organizationId));
        }

        if (customerId is not null && CustomerEngine.Find(state, customerId) is null)
        {
            issues.Add(new ValidationIssue("customer_id", ["body", "events", index, "customer_id"], "Customer not found.", customerId));
        }

        string? parentId = null;
        if (CustomerCreation.Text(item, "parent_id") is { } parent)
        {
            parentId = batchIds.GetValueOrDefault(parent) ?? ExistingParent(state, parent);
            if (parentId is null)
            {
                issues.Add(new ValidationIssue("parent_id", ["body", "events", index, "parent_id"], "Parent event not found.", parent));
            }
        }

        if (issues.Count > issuesBefore)
        {
            return null;
        }

        var externalId = CustomerCreation.Text(item, "external_id");
        var metadata = item.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
            ? PolarJson.Deserialize<EventMetadataOutput>(m.GetRawText()) : new EventMetadataOutput();
        var name = CustomerCreation.Text(item, "name")!;
        return (new UserEvent
        {
            Id = externalId is not null ? batchIds[externalId] : PolarTokens.NewId(),
            Timestamp = timestamp,
            OrganizationId = state.Organization.Id,
            CustomerId = customerId,
            ExternalCustomerId = CustomerCreation.Text(item, "external_customer_id"),
            MemberId = CustomerCreation.Text(item, "member_id"),
            ExternalMemberId = CustomerCreation.Text(item, "external_member_id"),
            ParentId = parentId,
            Label = name,
            Name = name,
            Metadata = metadata,
        }, externalId);
    }

    private static string? ExistingParent(EmulatorState state, string parent) =>
        state.Events.Find(parent)?.Id ?? state.Events.IdOfExternalId(parent);

    [GeneratedRegex(@"T.*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
