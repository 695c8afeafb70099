using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Subscriptions as Polar answers them plus each one's <see cref="SubscriptionLedger"/>. Exported as
/// <c>{"items": [...], "ledgers": {id: {...}}}</c> so an import restores pending prorations and anchors too.
/// </summary>
internal sealed class SubscriptionStore : EntityStore<Subscription>
{
    public SubscriptionStore()
        : base("subscriptions", s => s.Id, s => s.CustomerId)
    {
    }

    public Dictionary<string, SubscriptionLedger> Ledgers { get; } = new(StringComparer.Ordinal);

    /// <summary>The subscription's ledger, created empty on first use.</summary>
    public SubscriptionLedger Ledger(string subscriptionId)
    {
        if (!Ledgers.TryGetValue(subscriptionId, out var ledger))
        {
            ledger = new SubscriptionLedger();
            Ledgers[subscriptionId] = ledger;
        }

        return ledger;
    }

    public override void Clear()
    {
        base.Clear();
        Ledgers.Clear();
    }

    public override void Export(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("items");
        base.Export(writer);
        writer.WriteStartObject("ledgers");
        foreach (var (id, ledger) in Ledgers)
        {
            writer.WritePropertyName(id);
            SubscriptionLedgerJson.Write(writer, ledger);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public override void Import(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            // An export written before this store kept extra data: the models alone.
            Clear();
            base.Import(value);
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The 'subscriptions' store must be an object with 'items' and 'ledgers'.");
        }

        var ledgers = new Dictionary<string, SubscriptionLedger>(StringComparer.Ordinal);
        if (value.TryGetProperty("ledgers", out var saved))
        {
            foreach (var entry in saved.EnumerateObject())
            {
                ledgers[entry.Name] = SubscriptionLedgerJson.Read(entry.Value);
            }
        }

        base.Import(value.GetProperty("items"));
        Ledgers.Clear();
        foreach (var (id, ledger) in ledgers)
        {
            Ledgers[id] = ledger;
        }
    }
}
